using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Canopy.Contracts.Chat;

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
                Content = JsonContent.Create(new ChatRequest(question, Feature: settings.Feature)),
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
                return new TurnOutcome(TurnKind.Shed, Elapsed(), null, null, $"{(int)response.StatusCode}", response.Headers.RetryAfter?.Delta);
            if (!response.IsSuccessStatusCode)
                return new TurnOutcome(TurnKind.Error, Elapsed(), null, null, $"HTTP {(int)response.StatusCode}");

            await foreach (var chatEvent in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token))
            {
                firstEvent ??= Elapsed();
                switch (chatEvent)
                {
                    case DeltaEvent: firstDelta ??= Elapsed(); break;
                    case ErrorEvent error: return new TurnOutcome(TurnKind.Error, Elapsed(), firstEvent, firstDelta, $"error event: {error.Stage}: {error.Message}");
                    case DoneEvent: return new TurnOutcome(TurnKind.Answered, Elapsed(), firstEvent, firstDelta);
                }
            }
            return new TurnOutcome(TurnKind.Error, Elapsed(), firstEvent, firstDelta, "the stream ended without a done event");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TurnOutcome(TurnKind.Error, Elapsed(), firstEvent, firstDelta, $"no answer within {settings.TurnTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException)
        {
            return new TurnOutcome(TurnKind.Error, Elapsed(), firstEvent, firstDelta, ex.Message);
        }

        TimeSpan Elapsed() => Stopwatch.GetElapsedTime(started);
    }
}
