using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Requests for harm, plain or wrapped in role-play, hypotheticals or refusal suppression: a linear classifier
/// over pooled all-MiniLM-L6-v2 token vectors and framing signals, trained and evaluated leave-one-source-out by
/// <c>tools/Canopy.Guardrails.Tool</c>. At the input stage it reads the whole message; at the context stage each
/// sentence, line or quoted value of a passage, so that a request for harm planted in a document drops it. It reads
/// English only and abstains on other languages.
/// </summary>
public sealed class HarmClassifierDetector(TextEmbedder embedder, ClassifierModel model, Func<string, IReadOnlyList<PassagePiece>> piecesOf)
    : IGuardrailDetector
{
    public HarmClassifierDetector(SemanticModels models) : this(models.Embedder, models.Harm, models.PiecesOf)
    {
    }

    public const string DetectorName = "harm_classifier";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Context };

    /// <summary>The threshold chosen at training time; configuration can only raise it.</summary>
    public double DefaultThreshold => model.Threshold;

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (stage == GuardrailStage.Context) return DetectInPassage(text);
        if (!EnglishText.IsEnglish(text) || ProtectiveRequest.Matches(text)) return [];
        var p = Score(text);
        return p >= model.Threshold ? [new Detection(Name, "harmful_request", Math.Round(p, 4), GuardrailAction.Block)] : [];
    }

    public double Score(string text) => model.Probability(embedder.Embed(text));

    // A request has a few words at least: a heading such as "Safety and Equipment" scores as high as any request.
    private const int MinimumRequestWords = 5;

    // The first piece at or over the threshold is enough to drop the passage.
    private IEnumerable<Detection> DetectInPassage(string passage)
    {
        foreach (var (segment, _, text) in piecesOf(passage))
        {
            var piece = passage.Substring(segment.Start, segment.Length);
            if (PassageSegments.WordCount(piece) < MinimumRequestWords || !EnglishText.IsEnglish(piece)) continue;
            var p = model.Probability(text);
            if (p >= model.Threshold)
                return [new Detection(Name, "harmful_request", Math.Round(p, 4), GuardrailAction.Block, segment.Start, segment.Length)];
        }
        return [];
    }
}
