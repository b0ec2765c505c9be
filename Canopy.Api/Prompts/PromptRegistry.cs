using System.Collections.Concurrent;
using Canopy.Api.Features;
using Canopy.Contracts.Prompts;

namespace Canopy.Api.Prompts;

/// <summary>
/// Features' prompt versions and aliases. A feature's configured prompt and settings become its version 1 the first time the
/// registry sees it; from then on the registry decides. What a turn resolves is held in memory until this replica changes it.
/// </summary>
public sealed class PromptRegistry(IPromptStore store, FeatureCatalog features, IEnumerable<IPromotionCheck> promotionChecks, ILogger<PromptRegistry> logger)
{
    private readonly ConcurrentDictionary<string, Task<Snapshot>> _snapshots = new(StringComparer.Ordinal);

    /// <summary>The champion and challenger of a feature, as a turn needs them.</summary>
    public sealed record Snapshot(PromptVersion Champion, PromptVersion? Challenger);

    /// <summary>The version the alias points at, with the feature's configured settings overlaid by the version's.</summary>
    public async Task<ResolvedPrompt?> ResolveAsync(string feature, string alias, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(feature, cancellationToken);
        var version = alias == PromptAliases.Challenger ? snapshot.Challenger : snapshot.Champion;
        return version is null ? null : new ResolvedPrompt(version, alias, Effective(features.Get(feature), version));
    }

    public Task<Snapshot> SnapshotAsync(string feature, CancellationToken cancellationToken) =>
        _snapshots.GetOrAdd(feature, f => LoadAsync(f, CancellationToken.None)).WaitAsync(cancellationToken);

    public async Task<IReadOnlyList<PromptVersion>> VersionsAsync(string feature, CancellationToken cancellationToken)
    {
        await SnapshotAsync(feature, cancellationToken);
        return await store.VersionsAsync(feature, cancellationToken);
    }

    public async Task<PromptVersion?> GetAsync(string feature, int version, CancellationToken cancellationToken)
    {
        await SnapshotAsync(feature, cancellationToken);
        return await store.GetAsync(feature, version, cancellationToken);
    }

    public async Task<PromptVersion> CreateAsync(string feature, PromptDraft draft, string? createdBy, CancellationToken cancellationToken)
    {
        await SnapshotAsync(feature, cancellationToken);
        var version = await store.AddAsync(feature, draft, createdBy, cancellationToken);
        logger.LogInformation("Prompt {Feature} version {Version} created", feature, version.Version);
        return version;
    }

    /// <summary>Moves an alias; null when that succeeded, else why not. The champion moving onto the challenger ends the A/B test.</summary>
    public async Task<string?> MoveAliasAsync(string feature, string alias, int version, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(feature, cancellationToken);
        if (await store.GetAsync(feature, version, cancellationToken) is null) return $"{feature} has no version {version}.";
        if (alias == PromptAliases.Challenger && version == snapshot.Champion.Version)
            return $"Version {version} is the champion; a challenger must be another version.";
        if (alias == PromptAliases.Champion && version != snapshot.Champion.Version)
        {
            foreach (var check in promotionChecks)
                if (await check.RefusalAsync(feature, snapshot.Champion.Version, version, cancellationToken) is { } refusal) return refusal;
        }
        await store.SetAliasAsync(feature, alias, version, cancellationToken);
        if (alias == PromptAliases.Champion && snapshot.Challenger?.Version == version)
            await store.SetAliasAsync(feature, PromptAliases.Challenger, null, cancellationToken);
        Invalidate(feature);
        logger.LogInformation("Prompt alias {Feature}/{Alias} moved to version {Version}", feature, alias, version);
        return null;
    }

    public async Task RemoveChallengerAsync(string feature, CancellationToken cancellationToken)
    {
        await SnapshotAsync(feature, cancellationToken);
        await store.SetAliasAsync(feature, PromptAliases.Challenger, null, cancellationToken);
        Invalidate(feature);
    }

    /// <summary>The feature's settings as a turn uses them with this version: prompt, temperature, answer length and model from the version.</summary>
    public static FeatureSettings Effective(FeatureSettings configured, PromptVersion version) => new()
    {
        Enabled = configured.Enabled,
        Name = configured.Name,
        Description = configured.Description,
        UsesRetrieval = configured.UsesRetrieval,
        UsesTools = configured.UsesTools,
        MaxInputTokens = configured.MaxInputTokens,
        Prompt = version.SystemPrompt,
        Temperature = version.Temperature,
        MaxTokens = version.MaxTokens,
        Model = version.Model,
    };

    private void Invalidate(string feature) => _snapshots.TryRemove(feature, out _);

    private async Task<Snapshot> LoadAsync(string feature, CancellationToken cancellationToken)
    {
        try
        {
            var configured = features.Get(feature);
            await store.SeedAsync(new PromptDraft(configured.Prompt, configured.Temperature, configured.MaxTokens,
                string.IsNullOrEmpty(configured.Model) ? null : configured.Model, "The configured prompt"), feature, cancellationToken);
            var aliases = await store.AliasesAsync(feature, cancellationToken);
            var champion = await store.GetAsync(feature, aliases[PromptAliases.Champion], cancellationToken)
                ?? throw new InvalidOperationException($"The champion of {feature} points at a missing version.");
            var challenger = aliases.TryGetValue(PromptAliases.Challenger, out var c) && c != champion.Version
                ? await store.GetAsync(feature, c, cancellationToken) : null;
            if (champion.SystemPrompt != configured.Prompt && champion.Version == 1)
                logger.LogWarning("The configured prompt of {Feature} differs from its registered version 1; the registry's versions are used", feature);
            return new Snapshot(champion, challenger);
        }
        catch
        {
            // A failed load is not cached, so the next turn tries again.
            Invalidate(feature);
            throw;
        }
    }
}
