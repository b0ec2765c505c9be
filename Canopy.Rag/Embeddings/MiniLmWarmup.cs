namespace Canopy.Rag.Embeddings;

/// <summary>
/// Loads the in-process model at startup, so the first question after a restart (when nothing needed ingesting)
/// does not pay the model's load time. It uses the bare generator, so no stray trace is recorded.
/// </summary>
public sealed class MiniLmWarmup(MiniLmEmbeddingGenerator model, ILogger<MiniLmWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await Task.Run(() => model.GenerateAsync(["Redwood Digital University"], cancellationToken: stoppingToken), stoppingToken);
            logger.LogInformation("Embedding model {Model} loaded in {Ms:0} ms", MiniLmEmbeddingGenerator.ModelId,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The embedding model {Model} could not be loaded", MiniLmEmbeddingGenerator.ModelId);
        }
    }
}
