using Canopy.Api.Guardrails.Semantic;
using Canopy.Contracts.Evaluations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>Scores one answer: the deterministic evaluators always, the model's judges when a generative model answers.</summary>
public sealed class AnswerScorer(SemanticModels models, IOptions<EvaluationOptions> options)
{
    /// <summary>Metric names in the order they are shown.</summary>
    public static readonly string[] Order =
        [CitationEvaluator.MetricName, GroundednessEvaluator.MetricName, RefusalEvaluator.MetricName, LengthEvaluator.MetricName, RelevanceJudge.MetricName, ProblemJudge.MetricName];

    private readonly IEvaluator[] _deterministic =
        [new CitationEvaluator(), new GroundednessEvaluator(models.Embedder, options.Value.GroundednessThreshold), new RefusalEvaluator(), new LengthEvaluator()];

    private readonly IEvaluator[] _judges = [new RelevanceJudge(), new ProblemJudge()];

    public async Task<IReadOnlyList<EvaluationScore>> ScoreAsync(CaseContext context, string answer, IChatClient? judge, CancellationToken cancellationToken)
    {
        var evaluator = new CompositeEvaluator(judge is null ? _deterministic : [.. _deterministic, .. _judges]);
        var result = await evaluator.EvaluateAsync([new ChatMessage(ChatRole.User, context.Case.Question)], new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)),
            judge is null ? null : new ChatConfiguration(judge), [context], cancellationToken);
        return [.. result.Metrics.Values.Select(ToScore).OfType<EvaluationScore>().OrderBy(s => Rank(s.Name))];
    }

    /// <summary>A metric as stored and reported; null for one that did not apply to this answer.</summary>
    internal static EvaluationScore? ToScore(EvaluationMetric metric)
    {
        double? value = metric switch
        {
            NumericMetric numeric => numeric.Value,
            BooleanMetric boolean => boolean.Value is { } b ? (b ? 1 : 0) : null,
            _ => null,
        };
        var errors = metric.Diagnostics?.Where(d => d.Severity == EvaluationDiagnosticSeverity.Error).Select(d => d.Message).ToList() ?? [];
        if (value is null && errors.Count == 0 && metric.Reason is null) return null;
        var label = value is null ? "error" : metric.Interpretation?.Failed == true ? "fail" : "pass";
        return new EvaluationScore(metric.Name, value is { } v ? Math.Round(v, 4) : null, label, metric.Reason ?? string.Join(" ", errors));
    }

    private static int Rank(string name) => Array.IndexOf(Order, name) is var i and >= 0 ? i : Order.Length;
}
