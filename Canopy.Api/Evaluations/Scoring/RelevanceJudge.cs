using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>Relevance, judged by the configured model: how well the answer addresses the question, 1 to 5, scored (rating - 1) / 4.</summary>
public sealed class RelevanceJudge : IEvaluator
{
    public const string MetricName = "relevance";

    private const string Instructions = """
        You grade an AI study assistant's answer to a student's question. Judge only whether the answer addresses the question,
        not its style. 5: fully answers it. 4: answers it with small gaps. 3: partly answers it. 2: barely touches it. 1: unrelated.
        An answer that correctly says the course documents do not cover the question counts as addressing it.
        Reply with exactly two lines:
        Score: <1-5>
        Reason: <one sentence>
        """;

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public async ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        if (chatConfiguration is null) return new EvaluationResult();
        var question = CaseContext.Of(additionalContext).Case.Question;
        var reply = await Judge.AskAsync(chatConfiguration, Instructions, $"Question:\n{question}\n\nAnswer:\n{modelResponse.Text}", cancellationToken);
        var metric = JudgeReply.Rating(reply) is { } rating
            ? new NumericMetric(MetricName, (rating - 1) / 4.0, $"Rated {rating}/5: {JudgeReply.Reason(reply)}")
            : new NumericMetric(MetricName, null, $"The judge's reply had no rating: {JudgeReply.Reason(reply)}");
        if (metric.Value is { } value)
            metric.Interpretation = new EvaluationMetricInterpretation(value >= 0.75 ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: value < 0.75);
        return new EvaluationResult(metric);
    }
}
