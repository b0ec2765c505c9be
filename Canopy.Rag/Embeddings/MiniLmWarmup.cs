using Microsoft.Extensions.Diagnostics.HealthChecks;
using Canopy.Embeddings;

namespace Canopy.Rag.Embeddings;

/// <summary>
/// Loads the in-process model at startup, so the first question after a restart does not pay the model's load time; until it is
/// loaded the service is not ready (its health entry is tagged <c>ready</c>). It uses the bare generator, so no stray trace is recorded.
/// </summary>
public sealed class MiniLmWarmup(MiniLmEmbeddingGenerator model, ILogger<MiniLmWarmup> logger) : BackgroundService, IHealthCheck
{
    public const string HealthCheckName = "embedding-model";

    private volatile bool _loaded;
    private volatile string? _error;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await Task.Run(() => model.GenerateAsync(["Redwood Digital University"], cancellationToken: stoppingToken), stoppingToken);
            _loaded = true;
            logger.LogInformation("Embedding model {Model} loaded in {Ms:0} ms", MiniLmEmbeddingGenerator.ModelId,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = ex.Message;
            logger.LogError(ex, "The embedding model {Model} could not be loaded", MiniLmEmbeddingGenerator.ModelId);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_loaded ? HealthCheckResult.Healthy($"{MiniLmEmbeddingGenerator.ModelId} is loaded.")
            : HealthCheckResult.Unhealthy(_error is { } error ? $"{MiniLmEmbeddingGenerator.ModelId} could not be loaded: {error}" : $"Loading {MiniLmEmbeddingGenerator.ModelId}."));
}
