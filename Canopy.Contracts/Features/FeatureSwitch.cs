namespace Canopy.Contracts.Features;

/// <summary>Body of canopy-be's <c>PUT /api/admin/features/{id}</c>: an admin turns a feature on or off for everyone.</summary>
public sealed record FeatureSwitchRequest(bool? Enabled);

/// <summary>
/// A feature's switch as an admin sees it: whether it is on now, what configuration says, and whether an admin's
/// setting overrides configuration (until reset with <c>DELETE /api/admin/features/{id}</c>).
/// </summary>
public sealed record FeatureSwitchInfo(string Id, string Name, bool Enabled, bool ConfiguredEnabled, bool Overridden);
