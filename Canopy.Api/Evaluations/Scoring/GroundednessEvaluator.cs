using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Api.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>
/// Groundedness: the share of the answer's sentences that a sentence of the sources supports, support meaning a cosine
/// similarity of at least <paramref name="threshold"/> between pooled all-MiniLM-L6-v2 token vectors (the guardrails'
/// <see cref="TextEmbedder"/>, not the full transformer: it sees shared vocabulary and topic, not negation or numbers).
/// </summary>
public sealed partial class GroundednessEvaluator(TextEmbedder embedder, double threshold) : IEvaluator
{
    public const string MetricName = "groundedness";
    private const int ShortestSentence = 20;

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        var context = CaseContext.Of(additionalContext);
        var sentences = Claims(modelResponse.Text).ToList();
        if (sentences.Count == 0 || context.Sources.Count == 0 || Refusals.IsRefusal(modelResponse.Text)) return ValueTask.FromResult(new EvaluationResult());
        var sources = context.Sources.SelectMany(ExtractiveComposer.Sentences).Where(s => s.Length >= ShortestSentence).Select(Vector).ToList();
        var best = sentences.Select(s => (Sentence: s, Similarity: sources.Count == 0 ? 0 : sources.Max(v => TensorPrimitives.CosineSimilarity(Vector(s), v)))).ToList();
        var supported = best.Count(b => b.Similarity >= threshold);
        var weakest = best.MinBy(b => b.Similarity);
        var metric = new NumericMetric(MetricName, supported / (double)best.Count, supported == best.Count
            ? $"All {best.Count} sentences are close to a source sentence (least similarity {weakest.Similarity:0.00})."
            : $"{best.Count - supported} of {best.Count} sentences are far from every source sentence, e.g. \"{Shorten(weakest.Sentence)}\" ({weakest.Similarity:0.00}).");
        metric.Interpretation = new EvaluationMetricInterpretation(metric.Value >= 0.75 ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: metric.Value < 0.75);
        return ValueTask.FromResult(new EvaluationResult(metric));
    }

    /// <summary>The answer's sentences that say something: without the extractive label, quote marks, citations and markup.</summary>
    internal static IEnumerable<string> Claims(string answer) =>
        ExtractiveComposer.Sentences(Markup().Replace(answer.Replace(ExtractiveComposer.Label, " ", StringComparison.Ordinal), " "))
            .Select(s => s.Trim()).Where(s => s.Length >= ShortestSentence);

    private float[] Vector(string text) => embedder.Embed(text)[..embedder.Dimensions];

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"\[\d{1,3}(?:\s*,\s*\d{1,3})*\]|^\s*>\s?|[*_#`]", RegexOptions.Multiline)]
    private static partial Regex Markup();
}
