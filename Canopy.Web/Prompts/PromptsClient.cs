using System.Net;
using System.Net.Http.Json;
using Canopy.Contracts.Prompts;
using Canopy.Web.ApiCalls;

namespace Canopy.Web.Prompts;

/// <summary>
/// canopy-be's prompt registry (<c>/api/prompts</c>, instructors and administrators), called with the user's token.
/// A refusal comes back as the sentence to show: the validation problems of a new version, or why a promotion was refused.
/// </summary>
public sealed class PromptsClient(HttpClient http, ILogger<PromptsClient> logger)
{
    private const string Prompts = "/api/prompts";

    /// <summary>Every feature's registry, in the catalog's order.</summary>
    public Task<ApiResult<IReadOnlyList<PromptRegistryInfo>>> ListAsync(CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync(Prompts, cancellationToken),
            async response => (IReadOnlyList<PromptRegistryInfo>?)await response.Content.ReadFromJsonAsync<PromptRegistryInfo[]>(cancellationToken) ?? [],
            cancellationToken);

    public Task<ApiResult<PromptRegistryInfo>> GetAsync(string feature, CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync(FeaturePath(feature), cancellationToken),
            response => response.Content.ReadFromJsonAsync<PromptRegistryInfo>(cancellationToken), cancellationToken);

    public Task<ApiResult<PromptVersionInfo>> CreateAsync(string feature, CreatePromptVersionRequest request, CancellationToken cancellationToken) =>
        SendAsync(() => http.PostAsJsonAsync($"{FeaturePath(feature)}/versions", request, cancellationToken),
            response => response.Content.ReadFromJsonAsync<PromptVersionInfo>(cancellationToken), cancellationToken);

    public Task<ApiResult<PromptDiff>> DiffAsync(string feature, int from, int to, CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync($"{FeaturePath(feature)}/diff?from={from}&to={to}", cancellationToken),
            response => response.Content.ReadFromJsonAsync<PromptDiff>(cancellationToken), cancellationToken);

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/>; moving the champion may be refused (409) with the reason.</summary>
    public Task<ApiResult<PromptRegistryInfo>> MoveAliasAsync(string feature, string alias, int version, CancellationToken cancellationToken) =>
        SendAsync(() => http.PutAsJsonAsync($"{FeaturePath(feature)}/aliases/{Uri.EscapeDataString(alias)}", new MoveAliasRequest(version), cancellationToken),
            response => response.Content.ReadFromJsonAsync<PromptRegistryInfo>(cancellationToken), cancellationToken);

    public Task<ApiResult<PromptRegistryInfo>> RemoveChallengerAsync(string feature, CancellationToken cancellationToken) =>
        SendAsync(() => http.DeleteAsync($"{FeaturePath(feature)}/aliases/{PromptAliases.Challenger}", cancellationToken),
            response => response.Content.ReadFromJsonAsync<PromptRegistryInfo>(cancellationToken), cancellationToken);

    private static string FeaturePath(string feature) => $"{Prompts}/{Uri.EscapeDataString(feature)}";

    private Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, Task<T?>> read, CancellationToken cancellationToken) =>
        ApiCall.SendAsync(send, read, Describe, Unreachable, logger, "prompts", cancellationToken);

    public const string Unreachable = "canopy-be cannot be reached; try again in a moment.";
    public const string InstructorsOnly = "Only instructors and administrators can manage prompts.";

    /// <summary>canopy-be's own words where it gives them (validation problems, a refused promotion), else one sentence per status.</summary>
    internal static string Describe(HttpStatusCode status, string body) => status switch
    {
        HttpStatusCode.Forbidden => InstructorsOnly,
        HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound when ProblemText.Of(body) is { } words => words,
        HttpStatusCode.NotFound => "canopy-be does not offer the prompt registry here.",
        >= HttpStatusCode.InternalServerError => $"canopy-be could not do this just now ({(int)status}); try again in a moment.",
        _ => $"canopy-be refused the request ({(int)status}).",
    };
}
