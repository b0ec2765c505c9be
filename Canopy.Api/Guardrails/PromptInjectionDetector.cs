using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>Recognises attempts to override instructions, extract the system prompt, or switch the assistant's role.</summary>
public sealed partial class PromptInjectionDetector : IGuardrailDetector
{
    public string Name => "prompt_injection";

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Context };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        var normalised = Whitespace().Replace(text.ToLowerInvariant(), " ");
        var patterns = new (Regex Pattern, string Category)[]
        {
            (Override(), "instruction_override"),
            (Extraction(), "system_prompt_extraction"),
            (RolePlay(), "jailbreak"),
        };
        foreach (var (pattern, category) in patterns)
        {
            if (pattern.IsMatch(normalised))
            {
                yield return new Detection(Name, category, 0.95, GuardrailAction.Block);
                yield break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass|skip)\b.{0,40}\b(previous|prior|above|earlier|all|any|your|the|system)\b.{0,30}\b(instructions?|prompts?|rules|directions|guidelines|context)\b")]
    private static partial Regex Override();

    [GeneratedRegex(@"\b(reveal|show|print|repeat|output|tell me|what (is|are)|display|leak)\b.{0,40}\b(system prompt|initial prompt|hidden (prompt|instructions)|your (instructions|prompt|rules))\b")]
    private static partial Regex Extraction();

    [GeneratedRegex(@"\b(you are now|pretend (to be|you are)|act as (an? )?(unfiltered|unrestricted|evil|jailbroken)|developer mode|\bdan\b mode|do anything now|jailbreak)\b")]
    private static partial Regex RolePlay();
}
