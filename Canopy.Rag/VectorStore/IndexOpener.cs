using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Opens the index at start-up, retrying with a bounded backoff (Milvus may come up later). Its health entry, tagged
/// <c>ready</c>, is what readiness means for canopy-rag: the index is open, so search answers, whatever ingestion still has to do.
/// </summary>
public sealed class IndexOpener(IVectorIndex index, ILogger<IndexOpener> logger) : BackgroundService, IHealthCheck
{
    public const string HealthCheckName = "index";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _lastError;

    public Task Opened => _opened.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Opening reads every vector: off the start-up path, so the process answers /alive while it loads.
        await Task.Yield();
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await index.InitializeAsync(stoppingToken);
                _opened.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _lastError = ex.Message;
                logger.LogError(ex, "The {System} index could not be opened; retrying in {Seconds} s", index.SystemName, backoff.TotalSeconds);
            }
            await Task.Delay(backoff, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Opened.IsCompleted
            ? HealthCheckResult.Healthy($"The {index.SystemName} index is open and answers searches.")
            : HealthCheckResult.Unhealthy(_lastError is { } error ? $"The {index.SystemName} index could not be opened yet: {error}" : $"Opening the {index.SystemName} index."));
}
