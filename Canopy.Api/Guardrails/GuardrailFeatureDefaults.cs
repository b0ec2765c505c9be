using Canopy.Api.Features;

namespace Canopy.Api.Guardrails;

/// <summary>
/// What each feature does by default where configuration says nothing. Summarize is given text to summarise, full
/// of imperatives that are the text's, not the student's: instruction phrasing, the injection and harmful-request classifiers, the injection and harm lexicons, jailbreak frames and safeguarding
/// flag it (visible on the trace) instead of blocking, and the prompt marks the text as data. Information search and
/// the Socratic tutor use the detectors' trained thresholds and block.
/// </summary>
public static class GuardrailFeatureDefaults
{
    private static readonly Dictionary<(string Detector, string Feature), DetectorOptions> Defaults = new()
    {
        [(PromptInjectionDetector.DetectorName, FeatureCatalog.Summarize)] = new() { Action = GuardrailAction.Flag },
        [(HarmClassifierDetector.DetectorName, FeatureCatalog.Summarize)] = new() { Action = GuardrailAction.Flag },
        [(InjectionClassifierDetector.DetectorName, FeatureCatalog.Summarize)] = new() { Action = GuardrailAction.Flag },
        [(HarmLexiconDetector.DetectorName, FeatureCatalog.Summarize)] = new() { Action = GuardrailAction.Flag },
        [(InjectionLexiconDetector.DetectorName, FeatureCatalog.Summarize)] = new() { Action = GuardrailAction.Flag },
        [(JailbreakFrameDetector.DetectorName, FeatureCatalog.Summarize)] = new() { Action = GuardrailAction.Flag },
        [(AdversarialSuffixDetector.DetectorName, FeatureCatalog.Summarize)] = new() { Action = GuardrailAction.Flag },
        [(SafeguardingDetector.DetectorName, FeatureCatalog.Summarize)] = new() { Action = GuardrailAction.Flag },
    };

    public static DetectorOptions? For(string detector, string? feature) =>
        feature is not null && Defaults.TryGetValue((detector.ToLowerInvariant(), feature.ToLowerInvariant()), out var options) ? options : null;
}
