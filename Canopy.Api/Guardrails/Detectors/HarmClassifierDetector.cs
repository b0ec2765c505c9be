using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Requests for harm, plain or wrapped in role-play, hypotheticals or refusal suppression: a linear classifier
/// over pooled all-MiniLM-L6-v2 token vectors and framing signals, trained and evaluated leave-one-source-out by
/// <c>tools/Canopy.Guardrails.Tool</c>. It reads English only and abstains on other languages.
/// </summary>
public sealed class HarmClassifierDetector(SemanticModels models) : IGuardrailDetector
{
    public const string DetectorName = "harm_classifier";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    /// <summary>The threshold chosen at training time; configuration can only raise it.</summary>
    public double DefaultThreshold => models.Harm.Threshold;

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (!EnglishText.IsEnglish(text)) return [];
        var p = Score(text);
        return p >= models.Harm.Threshold ? [new Detection(Name, "harmful_request", Math.Round(p, 4), GuardrailAction.Block)] : [];
    }

    public double Score(string text) => models.Harm.Probability(models.Embedder.Embed(text));
}
