using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>For a case from feedback, judged by the configured model: is the problem the student reported gone? 1 when it is, 0 when not.</summary>
public sealed class ProblemJudge : IEvaluator
{
    public const string MetricName = "problem-fixed";

    private const string Instructions = """
        A student rated an AI study assistant's earlier answer to a question as bad, describing the problem.
        You see the question, the student's description of the problem and a new answer to the same question.
        Decide whether the new answer still has the problem described. Reply with exactly two lines:
        Verdict: YES if the problem is still there, NO if it is gone
        Reason: <one sentence>
        """;

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public async ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        var evaluationCase = CaseContext.Of(additionalContext).Case;
        if (chatConfiguration is null || string.IsNullOrWhiteSpace(evaluationCase.Problem)) return new EvaluationResult();
        var reply = await Judge.AskAsync(chatConfiguration, Instructions,
            $"Question:\n{evaluationCase.Question}\n\nProblem reported:\n{evaluationCase.Problem}\n\nNew answer:\n{modelResponse.Text}", cancellationToken);
        var metric = JudgeReply.Verdict(reply) switch
        {
            false => new NumericMetric(MetricName, 1, $"The reported problem is gone: {JudgeReply.Reason(reply)}"),
            true => new NumericMetric(MetricName, 0, $"The reported problem is still there: {JudgeReply.Reason(reply)}"),
            null => new NumericMetric(MetricName, null, $"The judge's reply had no verdict: {JudgeReply.Reason(reply)}"),
        };
        if (metric.Value is { } value)
            metric.Interpretation = new EvaluationMetricInterpretation(value == 1 ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: value < 1);
        return new EvaluationResult(metric);
    }
}
