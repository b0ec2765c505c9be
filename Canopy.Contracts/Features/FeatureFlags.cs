namespace Canopy.Contracts.Features;

/// <summary>What canopy-be's <c>GET /api/feature-flags</c> answers: the features with their effective settings, and who answers.</summary>
public sealed record FeatureFlagsResponse(IReadOnlyList<FeatureFlag> Features, ProviderInfo Provider);

/// <summary>
/// One feature; its generation settings are null only where a client has no listing to take them from. A feature that
/// <see cref="UsesTools"/> needs a model that calls tools: it cannot run while the provider is extractive.
/// </summary>
public sealed record FeatureFlag(
    string Id, string Name, string Description, bool Enabled, string? Model, float? Temperature, int? MaxTokens, int? MaxInputTokens, bool UsesRetrieval,
    bool UsesTools = false);

/// <summary>
/// The provider that answers now; <see cref="Notice"/> says why when it is a fallback. Only a provider that
/// <see cref="CallsTools"/> (an OpenAI-compatible model: vLLM or an endpoint) runs features that use tools.
/// </summary>
public sealed record ProviderInfo(string Name, string Model, bool Extractive, string? Notice, bool CallsTools = false);
