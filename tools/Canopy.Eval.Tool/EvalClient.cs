using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Canopy.Contracts.Evaluations;

namespace Canopy.Eval.Tool;

/// <summary>canopy-be's evaluations API, called with one user's bearer token.</summary>
public sealed class EvalClient : IDisposable
{
    private readonly HttpClient _http;

    public EvalClient(Uri baseAddress, string token)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<EvaluationRunInfo> StartAsync(EvaluationRunRequest request, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/evaluations/runs", request, cancellationToken);
        return await ReadAsync<EvaluationRunInfo>(response, cancellationToken);
    }

    public Task<EvaluationRunDetail> RunAsync(long id, CancellationToken cancellationToken) => GetAsync<EvaluationRunDetail>($"/api/evaluations/runs/{id}", cancellationToken);

    public Task<List<EvaluationRunInfo>> RunsAsync(int limit, CancellationToken cancellationToken) => GetAsync<List<EvaluationRunInfo>>($"/api/evaluations/runs?limit={limit}", cancellationToken);

    public Task<List<EvaluationSetInfo>> SetsAsync(CancellationToken cancellationToken) => GetAsync<List<EvaluationSetInfo>>("/api/evaluations/sets", cancellationToken);

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new EvalApiException($"canopy-be refused ({(int)response.StatusCode}): {Describe(body, response)}");
    }

    // Problem details name the reason (detail) or the fields (errors); a 401 or 403 says who may call.
    private static string Describe(string body, HttpResponseMessage response)
    {
        if ((int)response.StatusCode is 401) return "the token is missing, expired or not for canopy-be.";
        if ((int)response.StatusCode is 403) return "only instructors and admins may run evaluations.";
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.TryGetProperty("errors", out var errors))
                return string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())));
            if (problem.TryGetProperty("detail", out var detail)) return detail.GetString() ?? body;
        }
        catch (JsonException)
        {
        }
        return body.Length > 300 ? body[..300] : body;
    }

    public void Dispose() => _http.Dispose();
}

public sealed class EvalApiException(string message) : Exception(message);
