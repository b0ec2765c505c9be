using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Canopy.Contracts.ApiKeys;

namespace Canopy.Web.ApiKeys;

/// <summary>
/// canopy-be's personal API keys (<c>/api/keys</c>, and <c>/api/admin/keys</c> for administrators), called with the user's token.
/// Refusals come back as a message to show, not as exceptions; a refused token as <see cref="ApiKeysResult{T}.SessionExpired"/>.
/// </summary>
public sealed class ApiKeysClient(HttpClient http, ILogger<ApiKeysClient> logger)
{
    /// <summary>The caller's own keys, revoked ones included, newest first.</summary>
    public Task<ApiKeysResult<IReadOnlyList<ApiKeyInfo>>> ListMineAsync(CancellationToken cancellationToken) =>
        ListAsync("/api/keys", cancellationToken);

    /// <summary>Every user's keys with their owner (administrators only).</summary>
    public Task<ApiKeysResult<IReadOnlyList<ApiKeyInfo>>> ListAllAsync(CancellationToken cancellationToken) =>
        ListAsync("/api/admin/keys", cancellationToken);

    /// <summary>A new key; its secret is in the answer this once.</summary>
    public Task<ApiKeysResult<ApiKeyCreated>> CreateAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(() => http.PostAsJsonAsync("/api/keys", new ApiKeyRequest(name), cancellationToken), ApiKeysProblem.NotOffered,
            async response => await response.Content.ReadFromJsonAsync<ApiKeyCreated>(cancellationToken), cancellationToken);

    /// <summary>Revokes one of the caller's keys, or with <paramref name="asAdmin"/> anyone's.</summary>
    public Task<ApiKeysResult<bool>> RevokeAsync(string id, bool asAdmin, CancellationToken cancellationToken) =>
        SendAsync(() => http.DeleteAsync($"{(asAdmin ? "/api/admin/keys" : "/api/keys")}/{Uri.EscapeDataString(id)}", cancellationToken), ApiKeysProblem.NotYours,
            _ => Task.FromResult(true), cancellationToken);

    private Task<ApiKeysResult<IReadOnlyList<ApiKeyInfo>>> ListAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync(path, cancellationToken), ApiKeysProblem.NotOffered,
            async response => (IReadOnlyList<ApiKeyInfo>?)await response.Content.ReadFromJsonAsync<ApiKeyInfo[]>(cancellationToken) ?? [], cancellationToken);

    private async Task<ApiKeysResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, string notFound, Func<HttpResponseMessage, Task<T?>> read,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send();
            if (response.IsSuccessStatusCode) return new ApiKeysResult<T>(await read(response));
            // The token handler has already told the layout, which offers a new sign-in.
            if (response.StatusCode == HttpStatusCode.Unauthorized) return ApiKeysResult<T>.Expired;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500) logger.LogWarning("canopy-be's key API failed: {Status} {Body}", (int)response.StatusCode, body);
            return ApiKeysResult<T>.Failed(ApiKeysProblem.Text(response.StatusCode, body, notFound));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "canopy-be's key API is unavailable");
            return ApiKeysResult<T>.Failed(ApiKeysProblem.Unreachable);
        }
    }
}
