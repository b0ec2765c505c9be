namespace Canopy.Api.Prompts;

/// <summary>Where prompt versions and aliases are kept; SQLite here, a server database when canopy-be runs as several replicas.</summary>
public interface IPromptStore
{
    /// <summary>Stores <paramref name="first"/> as version 1 with the champion alias, unless the feature has versions already.</summary>
    Task SeedAsync(PromptDraft first, string feature, CancellationToken cancellationToken);

    Task<IReadOnlyList<PromptVersion>> VersionsAsync(string feature, CancellationToken cancellationToken);

    Task<PromptVersion?> GetAsync(string feature, int version, CancellationToken cancellationToken);

    /// <summary>Adds the next version of the feature, numbered one above the highest.</summary>
    Task<PromptVersion> AddAsync(string feature, PromptDraft draft, string? createdBy, CancellationToken cancellationToken);

    /// <summary>The aliases of the feature and the versions they point at.</summary>
    Task<IReadOnlyDictionary<string, int>> AliasesAsync(string feature, CancellationToken cancellationToken);

    /// <summary>Points the alias at the version, or removes it when <paramref name="version"/> is null.</summary>
    Task SetAliasAsync(string feature, string alias, int? version, CancellationToken cancellationToken);
}
