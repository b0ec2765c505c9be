using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Search;

/// <summary>
/// One search when canopy-rag starts, so that the first student does not pay the cold start (the embedding model and
/// the index: 1.5–4 s on a busy 2-core machine, against the 3 s canopy-be gives a search). Best effort: it never fails
/// the start. It runs here, not as a call from canopy-be, because every search call needs a user's token.
/// </summary>
public sealed class SearchWarmup(SearchService search, ILogger<SearchWarmup> logger) : BackgroundService
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Budget);
        try
        {
            var found = await search.SearchAsync("course overview", 1, new SearchFilter(null, null), null, timeout.Token);
            logger.LogDebug("Search warm-up found {Count} passages", found.Results.Count);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The index may still be opening or the store unreachable; searches will report that themselves.
            logger.LogDebug(ex, "Search warm-up failed");
        }
        catch (OperationCanceledException)
        {
        }
    }
}
