using Canopy.Api.Evaluations.Scoring;
using Canopy.Contracts.Evaluations;

namespace Canopy.Api.Evaluations;

/// <summary>A run's figures: per metric the mean of the cases it scored and how many passed; the run's score is the mean of those means.</summary>
public static class RunSummary
{
    public static IReadOnlyList<MetricSummary> Metrics(IEnumerable<EvaluationCaseResult> results) =>
        [.. results.SelectMany(r => r.Scores).Where(s => s.Value is not null).GroupBy(s => s.Name)
            .OrderBy(g => Array.IndexOf(AnswerScorer.Order, g.Key) is var i and >= 0 ? i : AnswerScorer.Order.Length)
            .Select(g => new MetricSummary(g.Key, Math.Round(g.Average(s => s.Value!.Value), 4), g.Count(), g.Count(s => s.Label == "pass")))];

    public static double? Score(IReadOnlyList<MetricSummary> metrics) => metrics.Count == 0 ? null : Math.Round(metrics.Average(m => m.Mean), 4);
}
