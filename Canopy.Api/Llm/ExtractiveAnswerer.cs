using System.Runtime.CompilerServices;
using Canopy.Api.Features;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm;

/// <summary>
/// The honest fallback when no generative model is available: the answer is made of extracts of the retrieved passages,
/// labelled as such. No model is called, so no model-call span is written.
/// </summary>
public sealed class ExtractiveAnswerer : IAnswerer
{
    public const string ProviderName = "extractive";
    public const string ModelName = "extractive";

    public static readonly ExtractiveAnswerer Instance = new();

    private ExtractiveAnswerer()
    {
    }

    /// <summary>The extractive provider, with the reason it answers instead of the configured one, if any.</summary>
    public static LlmProvider Provider(string? notice = null) => new(ProviderName, ModelName, Instance, notice);

    public async IAsyncEnumerable<ChatResponseUpdate> AnswerAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var passages = request.Plan.Passages;
        var answer = request.FeatureId switch
        {
            FeatureCatalog.Summarize => ExtractiveComposer.Summarize(request.Question),
            FeatureCatalog.SocraticTutor => ExtractiveComposer.Socratic(request.Question, passages),
            _ => ExtractiveComposer.Compose(request.Question, passages),
        };
        var pieces = answer.Split(' ');
        for (var i = 0; i < pieces.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? pieces[i] : " " + pieces[i]) { ModelId = ModelName };
            // Each piece leaves as its own event, as a model's tokens would.
            await Task.Yield();
        }
        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = ModelName,
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(new UsageDetails
            {
                InputTokenCount = request.Plan.EstimatedTokens,
                OutputTokenCount = TokenEstimate.Of(answer),
            })],
        };
    }
}
