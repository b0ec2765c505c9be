using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Prompt injections and jailbreaks by their meaning rather than their phrasing: instruction override, prompt and
/// secret extraction, fake system messages, authority claims and rule-free personas, in two stages like the harm
/// classifier's (token vectors for every request, MiniLM's sentence vector for those the first scores at or over the
/// gate), trained and evaluated leave-one-source-out by <c>tools/Canopy.Guardrails.Tool</c>. Requests only: in a
/// passage, text that addresses the model is the indirect-injection classifier's. English only; the harm classifier
/// already records what no classifier read. A request opening by taking back the student's own words is read after
/// that clause (<see cref="SelfCorrection"/>).
/// </summary>
public sealed class InjectionClassifierDetector(TextEmbedder embedder, ClassifierModel model, SentenceStage sentence) : IGuardrailDetector
{
    public InjectionClassifierDetector(SemanticModels models) : this(models.Embedder, models.Injection, models.InjectionSentence)
    {
    }

    public const string DetectorName = "injection_classifier";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (stage != GuardrailStage.Input || !EnglishText.IsEnglish(text)) return [];
        var p = Score(SelfCorrection.Rest(text));
        return p >= sentence.Model.Threshold ? [new Detection(Name, "prompt_injection", Math.Round(p, 4), GuardrailAction.Block)] : [];
    }

    /// <summary>The second stage's score when the first reaches the gate, else the first stage's (below the gate).</summary>
    public double Score(string text)
    {
        var features = embedder.EmbedRequest(text);
        var first = model.Probability(features);
        return first < SentenceStage.Gate ? first : sentence.Score(text, features);
    }
}
