using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Recognises instruction override, prompt extraction, secret fishing and jailbreak personas by their phrasing
/// (<see cref="InjectionPatterns"/>), also when obfuscated (homoglyphs, leetspeak, spaced letters) or hidden in
/// base64/hex. In retrieved passages only the phrasings that cannot be course material apply.
/// </summary>
public sealed class PromptInjectionDetector(IReadOnlyList<InjectionPattern> patterns) : IGuardrailDetector
{
    public const string DetectorName = "prompt_injection";

    public PromptInjectionDetector() : this(InjectionPatterns.All) { }

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Context };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        var active = stage == GuardrailStage.Context ? patterns.Where(p => p.InPassages).ToList() : patterns;
        if (Match(text, active, stage) is { } found)
            return [new Detection(Name, stage == GuardrailStage.Context ? "indirect_injection" : found.Category, 0.95, GuardrailAction.Block)];
        foreach (var decoded in EncodedPayloads.Decode(text))
        {
            if (Match(decoded, active, stage) is not null)
                return [new Detection(Name, "encoded_payload", 0.9, GuardrailAction.Block)];
        }
        return [];
    }

    /// <summary>The first pattern that matches any view of the text (as written, and de-obfuscated) in its form for the stage.</summary>
    public static InjectionPattern? Match(string text, IReadOnlyList<InjectionPattern> patterns, GuardrailStage stage = GuardrailStage.Input)
    {
        foreach (var view in TextNormalizer.Views(text))
        {
            foreach (var pattern in patterns)
            {
                if (pattern.For(stage).IsMatch(view)) return pattern;
            }
        }
        return null;
    }
}
