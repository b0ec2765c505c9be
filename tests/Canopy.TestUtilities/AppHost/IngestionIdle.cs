using System.Net.Http.Json;
using Canopy.Rag.Ingestion;

namespace Canopy.TestUtilities.AppHost;

/// <summary>
/// canopy-rag is ready as soon as its index is open, while ingestion goes on: tests that need every document indexed
/// poll <c>GET /api/ingestion</c> until it is idle, with a deadline.
/// </summary>
public static class IngestionIdle
{
    public static async Task<IngestionStatus> WaitAsync(HttpClient rag, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        IngestionStatus? last = null;
        try
        {
            while (true)
            {
                try
                {
                    last = await rag.GetFromJsonAsync<IngestionStatus>("/api/ingestion", timeout.Token);
                    if (last is { Idle: true }) return last;
                }
                catch (HttpRequestException)
                {
                    // Restarting: ask again.
                }
                await Task.Delay(200, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Ingestion was not idle after {deadline}; last status: {last?.ToString() ?? "no answer"}");
        }
    }
}
