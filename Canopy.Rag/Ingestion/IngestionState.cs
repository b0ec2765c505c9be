using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// How far ingestion is. It never makes the service unready (search answers from the index meanwhile): while documents wait
/// or the first scan runs it reports Degraded with the progress, then Healthy.
/// </summary>
public sealed class IngestionState(IngestionQueue queue, IngestionProgress progress) : IHealthCheck
{
    private int _ingested, _unchanged, _failed, _removed;
    private volatile bool _scanned;
    private volatile string? _startError;

    public int Ingested => _ingested;
    public int Unchanged => _unchanged;
    public int Failed => _failed;
    public int Removed => _removed;

    public void Record(IngestionOutcome outcome)
    {
        switch (outcome)
        {
            case IngestionOutcome.Ingested: Interlocked.Increment(ref _ingested); break;
            case IngestionOutcome.Unchanged: Interlocked.Increment(ref _unchanged); break;
            case IngestionOutcome.Failed: Interlocked.Increment(ref _failed); break;
            case IngestionOutcome.Removed: Interlocked.Increment(ref _removed); break;
        }
    }

    /// <summary>The first scan of the folders has queued what changed since the last run.</summary>
    public void CompleteScan()
    {
        _startError = null;
        _scanned = true;
    }

    /// <summary>Ingestion could not start (it retries); search still answers from the index.</summary>
    public void StartFailed(string error) => _startError = error;

    public IngestionStatus Status
    {
        get
        {
            var now = progress.Now;
            var pending = queue.PendingCount;
            return new IngestionStatus(_scanned && pending == 0 && now is null, _scanned, pending, queue.FailedCount, now?.DocumentId, now?.Percent);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = Status;
        var data = new Dictionary<string, object>
        {
            ["pending"] = status.Pending, ["failed"] = status.Failed, ["ingested"] = Ingested, ["unchanged"] = Unchanged, ["removed"] = Removed,
        };
        if (status.Idle) return Task.FromResult(HealthCheckResult.Healthy("Every document is ingested.", data));
        var description = _startError is { } error ? $"Ingestion could not start yet ({error}); search answers from the index meanwhile."
            : !status.Scanned ? "Looking for new and changed documents; search answers from the index meanwhile."
            : $"Ingesting: {status.Pending} documents to go" + (status.Current is { } current ? $", {current} at {status.Progress}%." : ".");
        return Task.FromResult(HealthCheckResult.Degraded(description, data: data));
    }
}

/// <summary>
/// <c>GET /api/ingestion</c>: <c>idle</c> once the first scan is done and nothing waits or runs; the document being ingested and
/// its progress; how many documents wait and how many failed.
/// </summary>
public sealed record IngestionStatus(bool Idle, bool Scanned, int Pending, int Failed, string? Current, int? Progress);

public enum IngestionOutcome { Ingested, Unchanged, Failed, Removed, Dropped }
