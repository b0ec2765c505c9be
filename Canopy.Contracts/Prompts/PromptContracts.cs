namespace Canopy.Contracts.Prompts;

/// <summary>The aliases a feature's prompt versions can carry: chat turns use the champion; A/B tests set the challenger against it.</summary>
public static class PromptAliases
{
    public const string Champion = "champion";
    public const string Challenger = "challenger";

    public static readonly IReadOnlyList<string> All = [Champion, Challenger];
}

/// <summary>One immutable version of a feature's prompt and generation settings, with the aliases that point at it now.</summary>
public sealed record PromptVersionInfo(
    string Feature, int Version, string SystemPrompt, float Temperature, int MaxTokens, string? Model, string? Note,
    DateTimeOffset CreatedAt, IReadOnlyList<string> Aliases);

/// <summary>
/// A feature's registry as <c>GET /api/prompts/{feature}</c> answers it. <see cref="PromptsChangeAnswers"/> is false when the
/// provider answering now writes extracts of passages, which no prompt changes; <see cref="Notice"/> then says so.
/// </summary>
public sealed record PromptRegistryInfo(
    string Feature, string FeatureName, IReadOnlyList<PromptVersionInfo> Versions, int Champion, int? Challenger,
    bool PromptsChangeAnswers, string? Notice);

/// <summary>Body of <c>POST /api/prompts/{feature}/versions</c>; settings left out are taken from the current champion.</summary>
public sealed record CreatePromptVersionRequest(string? SystemPrompt, float? Temperature = null, int? MaxTokens = null, string? Model = null, string? Note = null);

/// <summary>Body of <c>PUT /api/prompts/{feature}/aliases/{alias}</c>: the version the alias moves to.</summary>
public sealed record MoveAliasRequest(int? Version);

/// <summary>What changed from one version to another: the prompt line by line, and each setting that differs.</summary>
public sealed record PromptDiff(string Feature, int From, int To, IReadOnlyList<PromptDiffLine> Lines, IReadOnlyList<PromptSettingChange> Settings);

/// <summary>A line of the prompt diff; <see cref="Kind"/> is <c>same</c>, <c>added</c> or <c>removed</c>.</summary>
public sealed record PromptDiffLine(string Kind, string Text);

public sealed record PromptSettingChange(string Name, string? From, string? To);
