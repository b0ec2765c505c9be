using System.Net;
using System.Text.Json;

namespace Canopy.Web.ApiCalls;

/// <summary>Sends one management call and turns refusals into a message to show, not an exception.</summary>
public static class ApiCall
{
    /// <param name="describe">The message for a refused call, from its status and body.</param>
    /// <param name="api">Names the API in logs ("key", "settings").</param>
    public static async Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, Task<T?>> read,
        Func<HttpStatusCode, string, string> describe, string unreachable, ILogger logger, string api, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send();
            if (response.IsSuccessStatusCode) return new ApiResult<T>(await read(response));
            // The token handler has already told the layout, which offers a new sign-in.
            if (response.StatusCode == HttpStatusCode.Unauthorized) return ApiResult<T>.Expired;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500) logger.LogWarning("canopy-be's {Api} API failed: {Status} {Body}", api, (int)response.StatusCode, body);
            return ApiResult<T>.Failed(describe(response.StatusCode, body));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "canopy-be's {Api} API is unavailable", api);
            return ApiResult<T>.Failed(unreachable);
        }
    }
}
