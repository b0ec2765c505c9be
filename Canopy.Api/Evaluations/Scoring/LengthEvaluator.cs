using Canopy.Api.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>Length: the answer is not empty and fits the feature's token budget (estimated at four characters a token); over it scores budget/length.</summary>
public sealed class LengthEvaluator : IEvaluator
{
    public const string MetricName = "length";

    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        var budget = CaseContext.Of(additionalContext).MaxTokens;
        var tokens = TokenEstimate.Of(modelResponse.Text.Trim());
        var metric = tokens == 0 ? new NumericMetric(MetricName, 0, "The answer is empty.")
            : tokens <= budget ? new NumericMetric(MetricName, 1, $"About {tokens} tokens, within the budget of {budget}.")
            : new NumericMetric(MetricName, budget / (double)tokens, $"About {tokens} tokens, over the budget of {budget}.");
        metric.Interpretation = new EvaluationMetricInterpretation(metric.Value == 1 ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: metric.Value < 1);
        return ValueTask.FromResult(new EvaluationResult(metric));
    }
}
