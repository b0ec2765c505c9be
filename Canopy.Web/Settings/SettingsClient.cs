using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Canopy.Contracts.Features;
using Canopy.Web.ApiCalls;

namespace Canopy.Web.Settings;

/// <summary>
/// canopy-be's feature switches (<c>/api/admin/features</c>, administrators only), called with the user's token.
/// Refusals come back as a message to show, not as exceptions; a refused token as <see cref="ApiResult{T}.SessionExpired"/>.
/// </summary>
public sealed class SettingsClient(HttpClient http, ILogger<SettingsClient> logger)
{
    private const string Features = "/api/admin/features";

    /// <summary>Every feature's switch: on or off now, what configuration says, and whether an admin's setting is in force.</summary>
    public Task<ApiResult<IReadOnlyList<FeatureSwitchInfo>>> ListAsync(CancellationToken cancellationToken) =>
        SendAsync(() => http.GetAsync(Features, cancellationToken), SettingsProblem.NotOffered,
            async response => (IReadOnlyList<FeatureSwitchInfo>?)await response.Content.ReadFromJsonAsync<FeatureSwitchInfo[]>(cancellationToken) ?? [],
            cancellationToken);

    /// <summary>Turns a feature on or off for every user, over what configuration says.</summary>
    public Task<ApiResult<FeatureSwitchInfo>> SetAsync(string id, bool enabled, CancellationToken cancellationToken) =>
        SendAsync(() => http.PutAsJsonAsync(FeaturePath(id), new FeatureSwitchRequest(enabled), cancellationToken), SettingsProblem.UnknownFeature,
            response => response.Content.ReadFromJsonAsync<FeatureSwitchInfo>(cancellationToken), cancellationToken);

    /// <summary>Drops the admin's setting: the feature is on or off as configuration says.</summary>
    public Task<ApiResult<FeatureSwitchInfo>> ResetAsync(string id, CancellationToken cancellationToken) =>
        SendAsync(() => http.DeleteAsync(FeaturePath(id), cancellationToken), SettingsProblem.UnknownFeature,
            response => response.Content.ReadFromJsonAsync<FeatureSwitchInfo>(cancellationToken), cancellationToken);

    private static string FeaturePath(string id) => $"{Features}/{Uri.EscapeDataString(id)}";

    private Task<ApiResult<T>> SendAsync<T>(Func<Task<HttpResponseMessage>> send, string notFound, Func<HttpResponseMessage, Task<T?>> read,
        CancellationToken cancellationToken) =>
        ApiCall.SendAsync(send, read, (status, _) => SettingsProblem.Text(status, notFound), SettingsProblem.Unreachable, logger, "settings", cancellationToken);
}
