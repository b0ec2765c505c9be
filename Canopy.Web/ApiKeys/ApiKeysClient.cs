using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Canopy.Contracts.ApiKeys;
using Canopy.Web.ApiCalls;

namespace Canopy.Web.ApiKeys;

/// <summary>
/// canopy-be's personal API keys (<c>/api/keys</c>, and <c>/api/admin/keys</c> for administrators), called with the user's token.
/// Refusals come back as a message to show, not as exceptions; a refused token as <see cref="ApiResult{T}.SessionExpired"/>.
/// </summary>
public sealed class ApiKeysClient(HttpClient http, ILogger<ApiKeysClient> logger)
{
    /// <summary>The caller's own keys, revoked ones included, newest first.</summary>
    public Task<ApiResult<IReadOnlyList<ApiKeyInfo>>> ListMineAsync(CancellationToken cancellationToken) =>
        ListAsync("/api/keys", cancellationToken);

    /// <summary>Every user's keys with their owner (administrators only).</summary>
    public Task<ApiResult<IReadOnlyList<ApiKeyInfo>>> ListAllAsync(CancellationToken cancellationToken) =>
        ListAsync("/api/admin/keys", cancellationToken);

    /// <summary>A new key; its secret is in the answer this once.</summary>
    public Task<ApiResult<ApiKeyCreated>> CreateAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(() => http.PostAsJsonAsync("/api/keys", new ApiKeyRequest(name), cancellationToken), ApiKeysProblem.NotOffered,
            async response => await response.Content.ReadFromJsonAsync<ApiKeyCreated>(cancellationToken), cancellationToken);

    /// <summary>Revokes one of the caller's keys, or with <paramref name="asAdmin"/> anyone's.</summary>
    public Task<ApiResult<bool>> RevokeAsync(string id, bool asAdmin, CancellationToken cancellationToken) =>
        SendAsync(() => http.DeleteAsync($"{(asAdmin ? "/api/admin/keys" : "/api/keys")}/{Uri.EscapeDataString(id)}", cancellationToken), ApiKeysProblem.NotYours,
            _ => Task.FromResult(true), cancellationToken);

    private Task<ApiResult<IReadOnlyList<ApiKeyInfo>>> ListAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync(path, cancellationToken), ApiKeysProblem.NotOffered,
            async response => (IReadOnlyList<ApiKeyInfo>?)await response.Content.ReadFromJsonAsync<ApiKeyInfo[]>(cancellationToken) ?? [], cancellationToken);

    private Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, string notFound, Func<HttpResponseMessage, Task<T?>> read,
        CancellationToken cancellationToken) =>
        ApiCall.SendAsync(send, read, (status, body) => ApiKeysProblem.Text(status, body, notFound), ApiKeysProblem.Unreachable, logger, "key", cancellationToken);
}
