using System.Net;
using System.Net.Http.Json;

namespace Canopy.Web.Features;

public sealed record FeatureInfo(string Id, string Name, string? Description, bool Enabled, string? Model, double? Temperature, int? MaxTokens, bool UsesRetrieval);

public sealed record ProviderInfo(string Name, string Model, bool Extractive, string? Notice);

public sealed record FeatureFlagsResponse(FeatureInfo[] Features, ProviderInfo? Provider);

public enum CatalogSource { Api, NotOffered, Unreachable }

/// <summary>What canopy-be offers; when it cannot say (an older canopy-be, or it is down), only information search is shown.</summary>
public sealed record FeatureCatalog(IReadOnlyList<FeatureInfo> Features, ProviderInfo? Provider, CatalogSource Source)
{
    public static readonly FeatureInfo InformationSearch =
        new("information-search", "Information search", "Answers from your course documents, with sources.", true, null, null, null, true);

    public static FeatureCatalog NotOffered { get; } = new([InformationSearch], null, CatalogSource.NotOffered);

    public bool Unreachable => Source == CatalogSource.Unreachable;

    public IEnumerable<FeatureInfo> Enabled => Features.Where(f => f.Enabled);
}

/// <summary>Reads <c>GET /api/feature-flags</c> from canopy-be.</summary>
public sealed class FeatureFlagsClient(HttpClient http, ILogger<FeatureFlagsClient> logger)
{
    public async Task<FeatureCatalog> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("/api/feature-flags", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound) return FeatureCatalog.NotOffered;
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<FeatureFlagsResponse>(cancellationToken);
            return body?.Features is { Length: > 0 } features ? new FeatureCatalog(features, body.Provider, CatalogSource.Api) : FeatureCatalog.NotOffered;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Feature flags are unavailable");
            return FeatureCatalog.NotOffered with { Source = CatalogSource.Unreachable };
        }
    }
}
