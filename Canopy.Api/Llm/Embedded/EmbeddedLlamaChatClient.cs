using System.Runtime.CompilerServices;
using System.Text;
using LLama;
using LLama.Common;
using LLama.Sampling;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm.Embedded;

/// <summary>
/// A GGUF model run in-process by llama.cpp (LLamaSharp): applies the model's chat template, streams each token's text,
/// and ends with the real token counts (prompt tokens from the model's tokenizer, completion tokens as sampled).
/// </summary>
public sealed class EmbeddedLlamaChatClient : IChatClient
{
    public const string ProviderName = "llama";

    private readonly LLamaWeights _weights;
    private readonly StatelessExecutor _executor;
    private readonly int _contextSize;
    private readonly ChatClientMetadata _metadata;
    // One generation at a time: the executor's batch is not shareable, and two would only halve each other's speed.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public EmbeddedLlamaChatClient(LLamaWeights weights, ModelParams parameters, string modelId)
    {
        _weights = weights;
        _executor = new StatelessExecutor(weights, parameters) { ApplyTemplate = false };
        _contextSize = (int)(parameters.ContextSize ?? (uint)weights.ContextSize);
        ModelId = modelId;
        _metadata = new ChatClientMetadata(ProviderName, null, modelId);
    }

    public string ModelId { get; }

    /// <summary>Loads a GGUF file; throws when llama.cpp cannot read it.</summary>
    public static async Task<EmbeddedLlamaChatClient> LoadAsync(string path, int contextSize, int threads, string modelId, CancellationToken cancellationToken)
    {
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)contextSize,
            Threads = threads > 0 ? threads : Environment.ProcessorCount,
            GpuLayerCount = 0,
        };
        var weights = await LLamaWeights.LoadFromFileAsync(parameters, cancellationToken);
        return new EmbeddedLlamaChatClient(weights, parameters, modelId);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = ApplyTemplate(messages);
        var inputTokens = CountTokens(prompt);
        var room = _contextSize - inputTokens;
        if (room < 1)
            throw new InvalidOperationException($"The prompt has {inputTokens} tokens, more than the model's context of {_contextSize}.");
        var maxTokens = Math.Min(options?.MaxOutputTokens ?? room, room);
        var inference = new InferenceParams
        {
            MaxTokens = maxTokens,
            SamplingPipeline = new DefaultSamplingPipeline
            {
                Temperature = options?.Temperature ?? 0.2f,
                TopP = options?.TopP ?? 0.95f,
                Seed = options?.Seed is { } seed ? unchecked((uint)seed) : (uint)Random.Shared.Next(),
            },
        };

        var responseId = Guid.NewGuid().ToString("N");
        var outputTokens = 0;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await foreach (var piece in _executor.InferAsync(prompt, inference, cancellationToken))
            {
                outputTokens++;
                // A token may end inside a multi-byte character; its text arrives with the next one.
                if (piece.Length == 0) continue;
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece) { ResponseId = responseId, ModelId = ModelId };
            }
        }
        finally
        {
            _gate.Release();
        }
        cancellationToken.ThrowIfCancellationRequested();

        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ResponseId = responseId,
            ModelId = ModelId,
            FinishReason = outputTokens >= maxTokens ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Contents = [new UsageContent(new UsageDetails
            {
                InputTokenCount = inputTokens,
                OutputTokenCount = outputTokens,
                TotalTokenCount = inputTokens + outputTokens,
            })],
        };
    }

    public int CountTokens(string text) => _weights.Tokenize(text, true, true, Encoding.UTF8).Length;

    /// <summary>The prompt exactly as the model was trained to read it, ending where the assistant's turn begins.</summary>
    public string ApplyTemplate(IEnumerable<ChatMessage> messages)
    {
        var template = new LLamaTemplate(_weights) { AddAssistant = true };
        foreach (var message in messages)
            template.Add(message.Role.Value, message.Text);
        return Encoding.UTF8.GetString(template.Apply());
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null :
        serviceType == typeof(ChatClientMetadata) ? _metadata :
        serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        _weights.Dispose();
        _gate.Dispose();
    }
}
