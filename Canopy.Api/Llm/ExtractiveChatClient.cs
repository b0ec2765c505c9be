using System.Runtime.CompilerServices;
using Canopy.Api.Features;
using Canopy.Contracts.Search;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm;

/// <summary>
/// The honest fallback when no generative model is available: an <see cref="IChatClient"/> whose answer is made of
/// extracts of the retrieved passages (passed in <see cref="PassagesKey"/>), labelled as such.
/// </summary>
public sealed class ExtractiveChatClient(TimeSpan pieceDelay = default) : IChatClient
{
    public const string ProviderName = "extractive";
    public const string ModelName = "extractive";
    public const string PassagesKey = "canopy.passages";
    public const string FeatureKey = "canopy.feature";

    private readonly ChatClientMetadata _metadata = new(ProviderName, null, ModelName);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var question = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var passages = options?.AdditionalProperties?.TryGetValue(PassagesKey, out var value) == true && value is IReadOnlyList<Passage> p ? p : [];
        var feature = options?.AdditionalProperties?.TryGetValue(FeatureKey, out var f) == true ? f as string : null;
        var answer = feature switch
        {
            FeatureCatalog.Summarize => ExtractiveComposer.Summarize(question),
            FeatureCatalog.SocraticTutor => ExtractiveComposer.Socratic(question, passages),
            _ => ExtractiveComposer.Compose(question, passages),
        };
        var responseId = Guid.NewGuid().ToString("N");

        var pieces = answer.Split(' ');
        for (var i = 0; i < pieces.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? pieces[i] : " " + pieces[i])
            {
                ResponseId = responseId,
                ModelId = ModelName,
            };
            // Yield the thread so each piece is flushed as its own event, as a model's tokens would be.
            if (pieceDelay > TimeSpan.Zero) await Task.Delay(pieceDelay, cancellationToken);
            else await Task.Yield();
        }

        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ResponseId = responseId,
            ModelId = ModelName,
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(new UsageDetails
            {
                InputTokenCount = list.Sum(m => TokenEstimate.Of(m.Text)),
                OutputTokenCount = TokenEstimate.Of(answer),
            })],
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null :
        serviceType == typeof(ChatClientMetadata) ? _metadata :
        serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
