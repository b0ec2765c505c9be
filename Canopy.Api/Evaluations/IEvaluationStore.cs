using Canopy.Contracts.Evaluations;

namespace Canopy.Api.Evaluations;

/// <summary>Where evaluation runs and their per-case results are kept; SQLite here, a server database when canopy-be runs as several replicas.</summary>
public interface IEvaluationStore
{
    /// <summary>Stores a queued run with its cases as they are now, so that a set growing meanwhile does not change the run.</summary>
    Task<EvaluationRunInfo> CreateAsync(string feature, int version, string set, IReadOnlyList<EvaluationCase> cases, string provider, CancellationToken cancellationToken);

    Task<IReadOnlyList<EvaluationCase>> CasesAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<EvaluationRunInfo>> ListAsync(int limit, CancellationToken cancellationToken);

    Task<EvaluationRunInfo?> GetAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<EvaluationCaseResult>> ResultsAsync(long id, CancellationToken cancellationToken);

    /// <summary>The oldest queued run, now marked running with the provider that answers it; null when none waits.</summary>
    Task<EvaluationRunInfo?> StartNextAsync(string provider, CancellationToken cancellationToken);

    /// <summary>Stores one case's result and counts it done, in one commit.</summary>
    Task AddResultAsync(long id, EvaluationCaseResult result, CancellationToken cancellationToken);

    Task CompleteAsync(long id, IReadOnlyList<MetricSummary> metrics, double? score, CancellationToken cancellationToken);

    Task FailAsync(long id, string error, CancellationToken cancellationToken);

    /// <summary>Marks every run left running (by a process that stopped) failed with <paramref name="error"/>; returns how many.</summary>
    Task<int> FailInterruptedAsync(string error, CancellationToken cancellationToken);

    /// <summary>The latest completed run of that feature's version on that set.</summary>
    Task<EvaluationRunInfo?> LatestCompletedAsync(string feature, int version, string set, CancellationToken cancellationToken);
}
