using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>
/// Citations: an answer from course passages cites at least one, and every [n] names a passage the student was shown.
/// The share of valid markers; not scored for refusals and features without retrieval.
/// </summary>
public sealed partial class CitationEvaluator : IEvaluator
{
    public const string MetricName = "citations";

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        var context = CaseContext.Of(additionalContext);
        var answer = modelResponse.Text;
        if (!context.UsesRetrieval || Refusals.IsRefusal(answer)) return ValueTask.FromResult(new EvaluationResult());
        var cited = Markers().Matches(answer).SelectMany(m => m.Groups[1].Value.Split(',')).Select(n => int.Parse(n.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        NumericMetric metric;
        if (cited.Count == 0)
            metric = new NumericMetric(MetricName, 0, "The answer cites no passage.");
        else
        {
            var invalid = cited.Where(n => n < 1 || n > context.Passages.Count).Distinct().Order().ToList();
            metric = new NumericMetric(MetricName, (cited.Count - cited.Count(n => invalid.Contains(n))) / (double)cited.Count, invalid.Count == 0
                ? $"All {cited.Count} citations name one of the {context.Passages.Count} passages shown."
                : $"[{string.Join("], [", invalid)}] name no passage shown (there were {context.Passages.Count}).");
        }
        metric.Interpretation = new EvaluationMetricInterpretation(metric.Value == 1 ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: metric.Value < 1);
        return ValueTask.FromResult(new EvaluationResult(metric));
    }

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")]
    private static partial Regex Markers();
}
