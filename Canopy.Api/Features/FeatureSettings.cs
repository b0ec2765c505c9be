using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Features;

/// <summary>
/// One feature's configuration, as in the original Canopy: enabled, model, temperature, max_tokens, prompt.
/// Bound from <c>Canopy:Features:&lt;id&gt;</c> over the defaults in <see cref="FeatureCatalog"/>.
/// </summary>
public sealed class FeatureSettings
{
    public bool Enabled { get; set; } = true;

    [Required]
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Model to request; empty means the provider's default model.</summary>
    public string? Model { get; set; }

    [Range(0.0, 2.0)]
    public float Temperature { get; set; } = 0.2f;

    /// <summary>Most tokens the answer may have.</summary>
    [Range(16, 32_768)]
    public int MaxTokens { get; set; } = 512;

    /// <summary>Most tokens of text the feature accepts as input (the summarize budget).</summary>
    [Range(16, 1_000_000)]
    public int MaxInputTokens { get; set; } = 2000;

    /// <summary>Whether the question is answered from retrieved course passages.</summary>
    public bool UsesRetrieval { get; set; } = true;

    /// <summary>Whether the feature is an agent that calls tools: it runs only with a model that can (see <c>LlmProvider.CallsTools</c>).</summary>
    public bool UsesTools { get; set; }

    /// <summary>The system prompt.</summary>
    [Required]
    public string Prompt { get; set; } = "";
}
