using System.Net;
using System.Net.Http.Json;
using Canopy.Contracts.Experiments;
using Canopy.Web.ApiCalls;

namespace Canopy.Web.Experiments;

/// <summary>canopy-be's A/B tests (<c>/api/ab-tests</c>): whether a feature's test runs, a student's preference, and the results for instructors.</summary>
public sealed class AbTestsClient(HttpClient http, ILogger<AbTestsClient> logger)
{
    private const string AbTests = "/api/ab-tests";

    public const string Unreachable = "canopy-be cannot be reached; try again in a moment.";
    public const string InstructorsOnly = "Only instructors and administrators can see A/B test results.";

    /// <summary>
    /// The plan while the feature's A/B test runs; null when it does not (204), and null too when canopy-be cannot say, so that
    /// the student still gets the single answer.
    /// </summary>
    public async Task<AbTestPlan?> PlanAsync(string feature, CancellationToken cancellationToken)
    {
        var result = await SendAsync(() => http.GetAsync($"{AbTests}/{Uri.EscapeDataString(feature)}", cancellationToken),
            async response => response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<AbTestPlan>(cancellationToken),
            cancellationToken);
        return result.Value;
    }

    public Task<ApiResult<PreferenceCreated>> PreferAsync(string feature, PreferenceRequest request, CancellationToken cancellationToken) =>
        SendAsync(() => http.PostAsJsonAsync($"{AbTests}/{Uri.EscapeDataString(feature)}/preferences", request, cancellationToken),
            response => response.Content.ReadFromJsonAsync<PreferenceCreated>(cancellationToken), cancellationToken);

    public Task<ApiResult<IReadOnlyList<AbTestResult>>> ResultsAsync(CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync(AbTests, cancellationToken),
            async response => (IReadOnlyList<AbTestResult>?)await response.Content.ReadFromJsonAsync<AbTestResult[]>(cancellationToken) ?? [], cancellationToken);

    private Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, Task<T?>> read, CancellationToken cancellationToken) =>
        ApiCall.SendAsync(send, read, Describe, Unreachable, logger, "A/B tests", cancellationToken);

    internal static string Describe(HttpStatusCode status, string body) => status switch
    {
        HttpStatusCode.Forbidden => InstructorsOnly,
        HttpStatusCode.NotFound when ProblemText.Of(body) is null => "canopy-be does not offer A/B tests here.",
        HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound when ProblemText.Of(body) is { } words => words,
        >= HttpStatusCode.InternalServerError => $"canopy-be could not do this just now ({(int)status}); try again in a moment.",
        _ => $"canopy-be refused the request ({(int)status}).",
    };
}
