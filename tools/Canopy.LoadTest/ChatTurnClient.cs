using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Canopy.LoadTest;

/// <summary>Asks one question over <c>POST /api/chat</c> and reads its server-sent events to the end.</summary>
public sealed class ChatTurnClient(HttpClient http, LoadSettings settings)
{
    public async Task<TurnOutcome> AskAsync(string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        TimeSpan? firstEvent = null, firstDelta = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.TurnTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat")
            {
                Content = JsonContent.Create(new { message = question, feature = settings.Feature }),
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
                return new TurnOutcome(TurnKind.Shed, Elapsed(), null, null, $"{(int)response.StatusCode}", response.Headers.RetryAfter?.Delta);
            if (!response.IsSuccessStatusCode)
                return new TurnOutcome(TurnKind.Error, Elapsed(), null, null, $"HTTP {(int)response.StatusCode}");

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            string? eventName = null;
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal)) eventName = line[6..].Trim();
                if (!line.StartsWith("data:", StringComparison.Ordinal)) continue;
                firstEvent ??= Elapsed();
                switch (eventName)
                {
                    case "delta": firstDelta ??= Elapsed(); break;
                    case "error": return new TurnOutcome(TurnKind.Error, Elapsed(), firstEvent, firstDelta, "error event: " + line[5..].Trim());
                    case "done": return new TurnOutcome(TurnKind.Answered, Elapsed(), firstEvent, firstDelta);
                }
            }
            return new TurnOutcome(TurnKind.Error, Elapsed(), firstEvent, firstDelta, "the stream ended without a done event");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TurnOutcome(TurnKind.Error, Elapsed(), firstEvent, firstDelta, $"no answer within {settings.TurnTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return new TurnOutcome(TurnKind.Error, Elapsed(), firstEvent, firstDelta, ex.Message);
        }

        TimeSpan Elapsed() => Stopwatch.GetElapsedTime(started);
    }
}
