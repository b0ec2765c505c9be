using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm.Embedded;

/// <summary>
/// The model-call span and metrics of a model running inside canopy-be. Written here because the GenAI conventions make
/// an in-process call INTERNAL, while Microsoft.Extensions.AI's OpenTelemetry client always writes CLIENT.
/// </summary>
public sealed class InProcessChatTelemetry(IChatClient inner, string providerName) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var model = options?.ModelId ?? InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId ?? providerName;
        var list = messages as IList<ChatMessage> ?? [.. messages];
        using var activity = ApiTelemetry.Source.StartActivity($"chat {model}", ActivityKind.Internal);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.provider.name", providerName);
        activity?.SetTag("gen_ai.request.model", model);
        activity?.SetTag("gen_ai.request.max_tokens", options?.MaxOutputTokens);
        activity?.SetTag("gen_ai.request.temperature", options?.Temperature);
        if (ApiTelemetry.CaptureContent) activity?.SetTag("gen_ai.input.messages", Serialize(list));
        ModelCallSpan.Record(activity);

        var started = Stopwatch.GetTimestamp();
        var updates = new List<ChatResponseUpdate>();
        var first = true;
        await using var stream = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await stream.MoveNextAsync()) break;
            }
            catch (Exception ex)
            {
                activity.RecordError(ex);
                throw;
            }
            var update = stream.Current;
            if (first && !string.IsNullOrEmpty(update.Text))
            {
                first = false;
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                activity?.SetTag("gen_ai.response.time_to_first_chunk", seconds);
                ApiTelemetry.TimeToFirstChunk.Record(seconds, Tags(model));
            }
            updates.Add(update);
            yield return update;
        }

        var response = updates.ToChatResponse();
        activity?.SetTag("gen_ai.response.model", response.ModelId ?? model);
        activity?.SetTag("gen_ai.response.finish_reasons", new[] { response.FinishReason?.Value ?? "stop" });
        activity?.SetTag("gen_ai.usage.input_tokens", response.Usage?.InputTokenCount);
        activity?.SetTag("gen_ai.usage.output_tokens", response.Usage?.OutputTokenCount);
        if (ApiTelemetry.CaptureContent) activity?.SetTag("gen_ai.output.messages", Serialize(response.Messages));
        ApiTelemetry.ModelCallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Tags(model));
        if (response.Usage?.InputTokenCount is { } input) ApiTelemetry.TokenUsage.Record(input, [.. Tags(model), new("gen_ai.token.type", "input")]);
        if (response.Usage?.OutputTokenCount is { } output) ApiTelemetry.TokenUsage.Record(output, [.. Tags(model), new("gen_ai.token.type", "output")]);
    }

    private KeyValuePair<string, object?>[] Tags(string model) =>
        [new("gen_ai.operation.name", "chat"), new("gen_ai.provider.name", providerName), new("gen_ai.request.model", model)];

    // The conventions' message shape: a role and its parts.
    private static string Serialize(IEnumerable<ChatMessage> messages) => JsonSerializer.Serialize(
        messages.Select(m => new { role = m.Role.Value, parts = new[] { new { type = "text", content = m.Text } } }));
}
