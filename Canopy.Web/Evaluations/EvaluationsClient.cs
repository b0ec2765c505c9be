using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Canopy.Contracts.Evaluations;
using Canopy.Web.ApiCalls;

namespace Canopy.Web.Evaluations;

/// <summary>
/// canopy-be's evaluations API (<c>/api/evaluations</c>, instructors and admins), called with the user's token.
/// Refusals come back as a message to show; a refused token as <see cref="ApiResult{T}.SessionExpired"/>.
/// </summary>
public sealed class EvaluationsClient(HttpClient http, ILogger<EvaluationsClient> logger)
{
    private const string Api = "/api/evaluations";

    public Task<ApiResult<IReadOnlyList<EvaluationSetInfo>>> SetsAsync(CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync($"{Api}/sets", cancellationToken),
            async response => (IReadOnlyList<EvaluationSetInfo>?)await response.Content.ReadFromJsonAsync<EvaluationSetInfo[]>(cancellationToken) ?? [], cancellationToken);

    public Task<ApiResult<IReadOnlyList<EvaluationRunInfo>>> RunsAsync(CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync($"{Api}/runs", cancellationToken),
            async response => (IReadOnlyList<EvaluationRunInfo>?)await response.Content.ReadFromJsonAsync<EvaluationRunInfo[]>(cancellationToken) ?? [], cancellationToken);

    public Task<ApiResult<EvaluationRunDetail>> RunAsync(long id, CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync($"{Api}/runs/{id}", cancellationToken),
            response => response.Content.ReadFromJsonAsync<EvaluationRunDetail>(cancellationToken), cancellationToken);

    /// <summary>Queues a run; not retried (each POST queues another run).</summary>
    public Task<ApiResult<EvaluationRunInfo>> StartAsync(EvaluationRunRequest request, CancellationToken cancellationToken) =>
        SendAsync(() => http.PostAsJsonAsync($"{Api}/runs", request, cancellationToken),
            response => response.Content.ReadFromJsonAsync<EvaluationRunInfo>(cancellationToken), cancellationToken);

    private Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, Task<T?>> read, CancellationToken cancellationToken) =>
        ApiCall.SendAsync(send, read, Describe, "canopy-be cannot be reached; try again in a moment.", logger, "evaluations", cancellationToken);

    // canopy-be's problem details say what was wrong (an unknown set, a missing version); show that.
    private static string Describe(HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.Forbidden) return "Only instructors and administrators can run evaluations.";
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.TryGetProperty("errors", out var errors))
                return string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())));
            if (problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text) return text;
        }
        catch (JsonException)
        {
        }
        return $"canopy-be refused the request ({(int)status}).";
    }
}
