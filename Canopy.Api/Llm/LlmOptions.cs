using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Llm;

public sealed class LlmOptions
{
    public const string Section = "Canopy";

    /// <summary><c>extractive</c>, <c>vllm</c>, <c>endpoint</c> or <c>embedded</c> (see DESIGN.md).</summary>
    [Required, RegularExpression("^(extractive|vllm|endpoint|embedded)$", ErrorMessage = "Canopy:Llm must be extractive, vllm, endpoint or embedded.")]
    public string Llm { get; set; } = "extractive";
}

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

    /// <summary>Pause between the extractive answer's pieces; 0 in use, set by tests that need an answer slow enough to stop.</summary>
    [Range(0, 1000)]
    public int ExtractiveDelayMs { get; set; }
}
