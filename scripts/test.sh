#!/usr/bin/env bash
# Runs every Canopy test on a fresh machine with only the .NET 10 SDK: installs what the tests need, then runs them.
set -euo pipefail
cd "$(dirname "$0")/.."

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if ! command -v chromium >/dev/null 2>&1; then
    echo "Installing chromium for the browser tests..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
# Measurements (Category=Benchmark) are run on purpose, not on every test run: see docs/benchmarks.md.
args=("$@"); [ ${#args[@]} -eq 0 ] && args=(--filter "Category!=Benchmark")
dotnet test Canopy.sln --logger "trx;LogFileName=canopy.trx" --results-directory "$results" "${args[@]}" || status=$?

# One plain summary line, whatever the runner printed above.
if counters=$(grep -ho '<Counters [^>]*>' "$results"/*.trx 2>/dev/null | head -1) && [ -n "$counters" ]; then
    value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    total=$(value total); passed=$(value passed); failed=$(value failed); executed=$(value executed)
    echo "$passed passed, $failed failed, $((total - executed)) skipped"
fi
exit $status
