using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm;

/// <summary>What a turn's answer is asked for: the feature, the question, the prompt as planned and the request settings.</summary>
public sealed record AnswerRequest(string FeatureId, string Question, PromptPlan Plan, string Model, float Temperature, int MaxTokens);

/// <summary>Writes a turn's answer as a stream of updates: a generative model, or extracts of the retrieved passages.</summary>
public interface IAnswerer
{
    IAsyncEnumerable<ChatResponseUpdate> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken);
}
