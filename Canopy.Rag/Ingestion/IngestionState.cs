using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.Rag.Ingestion;

/// <summary>What the first ingestion pass has done; the service reports ready only once it has finished.</summary>
public sealed class IngestionState : IHealthCheck
{
    private readonly TaskCompletionSource _initialPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Ingested { get; private set; }
    public int Unchanged { get; private set; }
    public int Failed { get; private set; }
    public int Removed { get; private set; }

    public Task InitialPass => _initialPass.Task;

    public void Record(IngestionOutcome outcome)
    {
        switch (outcome)
        {
            case IngestionOutcome.Ingested: Ingested++; break;
            case IngestionOutcome.Unchanged: Unchanged++; break;
            case IngestionOutcome.Failed: Failed++; break;
            case IngestionOutcome.Removed: Removed++; break;
        }
    }

    public void CompleteInitialPass() => _initialPass.TrySetResult();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["ingested"] = Ingested, ["unchanged"] = Unchanged, ["failed"] = Failed, ["removed"] = Removed };
        return Task.FromResult(InitialPass.IsCompleted
            ? HealthCheckResult.Healthy("Course documents indexed.", data)
            : HealthCheckResult.Unhealthy("Indexing course documents.", data: data));
    }
}

public enum IngestionOutcome { Ingested, Unchanged, Failed, Removed }
