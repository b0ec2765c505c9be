using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Canopy.Contracts.Chat;

namespace Canopy.Api.OpenAi;

/// <summary>A chat turn as OpenAI's streaming format: unnamed <c>data: {chunk}</c> events, ending with <c>data: [DONE]</c>.</summary>
public static class CompletionStream
{
    public const string Done = "[DONE]";

    public static async IAsyncEnumerable<SseItem<string>> ChunksAsync(
        IAsyncEnumerable<ChatEvent> events, string model, bool includeUsage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var turn = new CompletionTurn();
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        CompletionChunk Chunk(ChunkDelta delta, string? finishReason = null) => new(id, created, model, [new ChunkChoice(0, delta, finishReason)]);

        yield return Data(Chunk(new ChunkDelta("assistant", "")));
        await foreach (var chatEvent in events.WithCancellation(cancellationToken))
            if (turn.Apply(chatEvent) is { Length: > 0 } text)
                yield return Data(Chunk(new ChunkDelta(null, text)));

        yield return turn.Error is { } error
            ? Data(new OpenAiError(new OpenAiErrorBody(error.Message, "service_unavailable", null, error.Stage)))
            : Data(Chunk(new ChunkDelta(null, null), turn.FinishReason));
        if (includeUsage)
            yield return Data(new CompletionChunk(id, created, model, [], turn.Usage));
        yield return new SseItem<string>(Done);
    }

    // Already JSON, so the result writes it as it is; no event name, as OpenAI sends none.
    private static SseItem<string> Data(object payload) => new(JsonSerializer.Serialize(payload, OpenAiJson.Options));
}
