using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Canopy.Contracts.Chat;

/// <summary>Reads the chat's server-sent events back into <see cref="ChatEvent"/>s.</summary>
public static class ChatEventStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async IAsyncEnumerable<ChatEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in SseParser.Create(stream, Parse).EnumerateAsync(cancellationToken))
            if (item.Data is { } chatEvent) yield return chatEvent;
    }

    /// <summary>
    /// One event from its SSE name and data. The name picks the record; data sent without a name is typed by its JSON's
    /// <c>type</c>. Null for an event this version does not know, which readers skip.
    /// </summary>
    public static ChatEvent? Parse(string eventType, ReadOnlySpan<byte> data)
    {
        var name = eventType == SseParser.EventTypeDefault ? JsonSerializer.Deserialize<Named>(data, Json)?.Type : eventType;
        return name is not null && ChatEvent.TypeOf(name) is { } type ? (ChatEvent?)JsonSerializer.Deserialize(data, type, Json) : null;
    }

    private sealed record Named(string? Type);
}
