using System.Text.Json;

namespace Canopy.TestUtilities.Loopback;

/// <summary>One tool call a scripted model makes: <see cref="Arguments"/> is the JSON text of its arguments.</summary>
public sealed record ScriptedToolCall(string Id, string Name, string Arguments);

/// <summary>What a scripted model answers to one request: text pieces, or tool calls.</summary>
public sealed record ScriptedReply(IReadOnlyList<string> Pieces, IReadOnlyList<ScriptedToolCall> ToolCalls)
{
    public static ScriptedReply Text(params string[] pieces) => new(pieces, []);

    public static ScriptedReply Call(string name, object arguments) =>
        new([], [new ScriptedToolCall("call_" + Guid.NewGuid().ToString("N")[..12], name, JsonSerializer.Serialize(arguments))]);
}
