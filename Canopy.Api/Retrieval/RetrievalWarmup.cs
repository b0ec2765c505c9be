using Canopy.Contracts.Search;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Retrieval;

/// <summary>
/// One search when canopy-be starts, so that the first student does not pay canopy-rag's cold start (its first search
/// took 1.5–4 s on a busy 2-core machine, against the 3 s a search may take). Best effort: it never fails the start.
/// </summary>
public sealed class RetrievalWarmup(IHttpClientFactory clients, ILogger<RetrievalWarmup> logger) : BackgroundService
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Budget);
        try
        {
            // The health client: no retries, and no failure here counts against the search circuit.
            using var http = clients.CreateClient(RetrievalExtensions.HealthHttpClient);
            using var response = await http.PostAsJsonAsync("/api/search", new SearchRequest("course overview", 1), timeout.Token);
            logger.LogDebug("Retrieval warm-up search answered {Status}", (int)response.StatusCode);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // canopy-rag may be down now; chats will report that themselves.
            logger.LogDebug(ex, "Retrieval warm-up search failed");
        }
        catch (OperationCanceledException)
        {
        }
    }
}
