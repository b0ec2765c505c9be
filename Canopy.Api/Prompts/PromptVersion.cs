using Canopy.Api.Features;

namespace Canopy.Api.Prompts;

/// <summary>One immutable version of a feature's prompt: the system prompt and the generation settings it is asked with.</summary>
public sealed record PromptVersion(
    string Feature, int Version, string SystemPrompt, float Temperature, int MaxTokens, string? Model, string? Note,
    DateTimeOffset CreatedAt, string? CreatedBy);

/// <summary>The settings of a version to be created (the registry numbers and dates it).</summary>
public sealed record PromptDraft(string SystemPrompt, float Temperature, int MaxTokens, string? Model, string? Note);

/// <summary>The prompt a turn runs with, resolved once at its start: the version, the alias that chose it and the effective settings.</summary>
public sealed record ResolvedPrompt(PromptVersion Version, string Alias, FeatureSettings Settings);
