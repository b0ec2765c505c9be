using System.ComponentModel.DataAnnotations;
using Canopy.Api.Guardrails.Remote;

namespace Canopy.Api.Guardrails;

/// <summary>The <c>Canopy:Guardrails</c> section: per-detector settings, deny list, topic policy and the remote orchestrator.</summary>
public sealed class GuardrailOptions
{
    public const string Section = "Canopy:Guardrails";

    /// <summary>Settings by detector name (pii, prompt_injection, injection_classifier, harm_classifier, harm_lexicon, injection_lexicon, jailbreak_frame, adversarial_suffix, indirect_injection, hap, safeguarding, deny_list, topic_policy, remote).</summary>
    public Dictionary<string, DetectorOptions> Detectors { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Regular expressions that block (or per settings of <c>deny_list</c>, flag/redact) what they match.</summary>
    public List<DenyRule> DenyList { get; set; } = [];

    /// <summary>Topics refused per feature; the key "*" applies to every feature.</summary>
    public Dictionary<string, TopicPolicy> Topics { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [Required]
    public RemoteGuardrailOptions Remote { get; set; } = new();

    /// <summary>What a student is told instead of a refusal when a message says they may harm themselves.</summary>
    [Required]
    public string SelfHarmMessage { get; set; } =
        "It sounds like you may be going through something really painful, and you don't have to face it alone. " +
        "Please talk to someone you trust, or reach the university's student wellbeing service. " +
        "If you are in danger right now, call your local emergency number or a crisis line.";

    /// <summary>
    /// The settings of a detector for a feature: the configured feature override, else the configured detector
    /// settings, else the built-in feature default (<see cref="GuardrailFeatureDefaults"/>), else the detector's own.
    /// </summary>
    public DetectorSettings Resolve(string detector, string? feature)
    {
        var general = Detectors.TryGetValue(detector, out var g) ? g : null;
        var specific = feature is not null && general is not null && general.Features.TryGetValue(feature, out var f) ? f : null;
        var builtIn = GuardrailFeatureDefaults.For(detector, feature);
        return new DetectorSettings(
            specific?.Enabled ?? general?.Enabled ?? builtIn?.Enabled ?? true,
            specific?.Threshold ?? general?.Threshold ?? builtIn?.Threshold,
            specific?.Action ?? general?.Action ?? builtIn?.Action);
    }
}

/// <summary>Settings of one detector; unset values fall back (feature → detector → built-in default).</summary>
public sealed class DetectorOptions
{
    public bool? Enabled { get; set; }

    /// <summary>Detections with a lower score are dropped.</summary>
    [Range(0.0, 1.0)]
    public double? Threshold { get; set; }

    /// <summary>Overrides the action the detector asks for: block, redact or flag.</summary>
    public GuardrailAction? Action { get; set; }

    /// <summary>Overrides by feature (information-search, summarize, socratic-tutor).</summary>
    public Dictionary<string, DetectorOptions> Features { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The effective settings of a detector for one check.</summary>
public readonly record struct DetectorSettings(bool Enabled, double? Threshold, GuardrailAction? Action);

public sealed class DenyRule
{
    /// <summary>Reported as the category, so it should say what was denied, never echo it.</summary>
    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Pattern { get; set; } = "";
}

public sealed class TopicPolicy
{
    /// <summary>Refused topics: a name (the category reported) and the patterns that recognise it.</summary>
    public List<DenyRule> Denied { get; set; } = [];
}
