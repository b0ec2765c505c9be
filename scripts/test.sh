#!/usr/bin/env bash
# Runs Canopy's tests on a fresh machine with only the .NET 10 SDK: installs what the tests need, then runs them.
#   ./scripts/test.sh                          every kind: unit, integration, browser, deployment
#   ./scripts/test.sh unit deployment          only these kinds
#   ./scripts/test.sh unit -- --filter "FullyQualifiedName~Fusion"   with dotnet test arguments of your own
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A projects=([unit]=Canopy.UnitTests [integration]=Canopy.IntegrationTests [browser]=Canopy.BrowserTests [deployment]=Canopy.DeploymentTests)
kinds=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    if [ -z "${projects[$1]:-}" ]; then
        echo "Unknown test kind '$1': use unit, integration, browser or deployment (then -- and dotnet test arguments)." >&2
        exit 2
    fi
    kinds+=("$1"); shift
done
[ "${1:-}" = "--" ] && shift
[ ${#kinds[@]} -eq 0 ] && kinds=(unit integration browser deployment)

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if [[ " ${kinds[*]} " == *" browser "* ]] && ! command -v chromium >/dev/null 2>&1; then
    echo "Installing chromium for the browser tests..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

results="$(pwd)/TestResults"
rm -rf "$results"
# Measurements (Category=Benchmark) are run on purpose, not on every test run: see docs/benchmarks.md.
args=("$@"); [ ${#args[@]} -eq 0 ] && args=(--filter "Category!=Benchmark")
status=0
# The services, tools and test projects (Canopy.Tests.slnf), optimised: the evaluation floor tests train and measure
# the guardrail models, 4.5 minutes faster so (docs/benchmarks.md); the benchmarks are built when they are run.
dotnet build Canopy.Tests.slnf -c Release || exit $?
# One kind after another: each runs its own tests in parallel, and the browser tests must not share the cores with
# the process-fault tests.
for kind in "${kinds[@]}"; do
    project=${projects[$kind]}
    echo "== $kind tests ($project)"
    dotnet test "tests/$project" -c Release --no-build --logger "trx;LogFileName=$project.trx" --results-directory "$results" "${args[@]}" || status=$?
done

# One plain summary line over every kind, whatever the runners printed above.
sum() { grep -ho '<Counters [^>]*>' "$results"/*.trx 2>/dev/null | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" | awk '{s+=$1} END {print s+0}'; }
if ls "$results"/*.trx >/dev/null 2>&1; then
    echo "$(sum passed) passed, $(sum failed) failed, $(( $(sum total) - $(sum executed) )) skipped"
fi
exit $status
