using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Guardrails.Remote;

/// <summary>The orchestrator is unreachable, too slow, or answered with an error.</summary>
public sealed class OrchestratorUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Typed client for the FMS guardrails orchestrator's standalone content detection API.</summary>
public sealed class OrchestratorClient(HttpClient http, IOptions<GuardrailOptions> options)
{
    public const string ContentPath = "api/v2/text/detection/content";

    public async Task<IReadOnlyList<ContentDetection>> DetectAsync(string content, CancellationToken cancellationToken)
    {
        var remote = options.Value.Remote;
        // Its own deadline, whatever the caller's token and the HttpClient do, so a stalled orchestrator never hangs a turn.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(remote.Timeout);
        var body = new ContentDetectionRequest(OrchestratorDetectors.Build(remote), content);
        using var request = new HttpRequestMessage(HttpMethod.Post, ContentPath) { Content = JsonContent.Create(body) };
        if (!string.IsNullOrEmpty(remote.BearerToken))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", remote.BearerToken);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                var error = await TryReadError(response, deadline.Token);
                throw new OrchestratorUnavailableException($"The guardrails orchestrator answered {(int)response.StatusCode}: {error?.Details ?? response.ReasonPhrase}");
            }
            var parsed = await response.Content.ReadFromJsonAsync<ContentDetectionResponse>(deadline.Token)
                ?? throw new OrchestratorUnavailableException("The guardrails orchestrator answered with an empty body.");
            return parsed.Detections ?? [];
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OrchestratorUnavailableException($"The guardrails orchestrator did not answer within {remote.Timeout.TotalMilliseconds:0} ms.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new OrchestratorUnavailableException($"The guardrails orchestrator is unreachable: {ex.Message}", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new OrchestratorUnavailableException("The guardrails orchestrator answered with JSON of an unexpected shape.", ex);
        }
    }

    private static async Task<OrchestratorError?> TryReadError(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try { return await response.Content.ReadFromJsonAsync<OrchestratorError>(cancellationToken); }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException) { return null; }
    }
}
