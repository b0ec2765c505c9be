using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Llm;

public sealed class GenerationOptions
{
    public const string Section = "Canopy:Generation";

    /// <summary>Context window of the model in tokens; the prompt is trimmed to fit it with room for the answer.</summary>
    [Range(512, 1_000_000)]
    public int ContextTokens { get; set; } = 4096;

    [Range(16, 32_768)]
    public int MaxOutputTokens { get; set; } = 512;

    [Range(0.0, 2.0)]
    public float Temperature { get; set; } = 0.2f;

    /// <summary>Longest time one LLM call may take, streaming included.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
}
