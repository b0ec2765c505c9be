using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm;

/// <summary>Answers with a generative model; its client's own span is the model call of the trace (gen_ai.* conventions).</summary>
public sealed class ModelAnswerer(IChatClient client) : IAnswerer
{
    /// <summary>The model's client, for other calls to the same model (the evaluations' judges).</summary>
    public IChatClient Client => client;

    public IAsyncEnumerable<ChatResponseUpdate> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) =>
        client.GetStreamingResponseAsync(request.Plan.Messages, new ChatOptions
        {
            ModelId = request.Model,
            Temperature = request.Temperature,
            MaxOutputTokens = request.MaxTokens,
        }, cancellationToken);
}
