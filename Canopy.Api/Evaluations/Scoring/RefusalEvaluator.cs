using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>Refusal: a question the documents do not cover gets "the documents do not cover it"; any other question gets an answer.</summary>
public sealed class RefusalEvaluator : IEvaluator
{
    public const string MetricName = "refusal";

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        var expected = CaseContext.Of(additionalContext).Case.ExpectRefusal;
        var refused = Refusals.IsRefusal(modelResponse.Text);
        var correct = expected == refused;
        var metric = new BooleanMetric(MetricName, correct, (expected, refused) switch
        {
            (true, true) => "The documents do not cover the question, and the answer says so.",
            (true, false) => "The documents do not cover the question, yet the answer does not say so.",
            (false, true) => "The documents cover the question, yet the answer says they do not.",
            _ => "The answer answers and does not claim the documents are silent.",
        })
        {
            Interpretation = new EvaluationMetricInterpretation(correct ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: !correct),
        };
        return ValueTask.FromResult(new EvaluationResult(metric));
    }
}
