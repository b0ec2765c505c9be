using System.Net;
using System.Net.Http.Json;
using Canopy.Contracts.Features;

namespace Canopy.Web.Features;

/// <summary>Reads <c>GET /api/feature-flags</c> from canopy-be.</summary>
public sealed class FeatureFlagsClient(HttpClient http, ILogger<FeatureFlagsClient> logger)
{
    public async Task<FeatureMenu> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("/api/feature-flags", cancellationToken);
            // A refused token is not an unreachable service: the layout asks for a new sign-in instead.
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized) return FeatureMenu.NotOffered;
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<FeatureFlagsResponse>(cancellationToken);
            return body?.Features is { Count: > 0 } features ? new FeatureMenu(features, body.Provider, MenuSource.Api) : FeatureMenu.NotOffered;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Feature flags are unavailable");
            return FeatureMenu.NotOffered with { Source = MenuSource.Unreachable };
        }
    }
}
