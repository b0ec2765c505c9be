using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Recognises instruction override, role-play, system-prompt extraction and secret fishing, in English and German,
/// also when obfuscated (homoglyphs, leetspeak, spaced letters) or hidden in base64/hex; at the context stage it
/// looks for instructions aimed at the model inside retrieved passages.
/// </summary>
public sealed class PromptInjectionDetector : IGuardrailDetector
{
    public const string DetectorName = "prompt_injection";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Context };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        var patterns = stage == GuardrailStage.Context ? InjectionPatterns.Context : InjectionPatterns.All;
        if (Match(text, patterns) is { } category)
            return [new Detection(Name, category, 0.95, GuardrailAction.Block)];
        foreach (var decoded in EncodedPayloads.Decode(text))
        {
            if (Match(decoded, patterns) is not null)
                return [new Detection(Name, "encoded_payload", 0.9, GuardrailAction.Block)];
        }
        return [];
    }

    private static string? Match(string text, (System.Text.RegularExpressions.Regex Pattern, string Category)[] patterns)
    {
        foreach (var view in TextNormalizer.Views(text))
        {
            foreach (var (pattern, category) in patterns)
            {
                if (pattern.IsMatch(view)) return category;
            }
        }
        return null;
    }
}
