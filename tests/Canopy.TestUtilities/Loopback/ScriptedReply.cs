using System.Text.Json;

namespace Canopy.TestUtilities.Loopback;

/// <summary>One tool call a scripted model makes: <see cref="Arguments"/> is the JSON text of its arguments.</summary>
public sealed record ScriptedToolCall(string Id, string Name, string Arguments);

/// <summary>
/// What a scripted model answers to one request: text pieces, or tool calls; with <see cref="HoldsOpen"/>, the pieces and
/// then nothing more until the request is aborted.
/// </summary>
public sealed record ScriptedReply(IReadOnlyList<string> Pieces, IReadOnlyList<ScriptedToolCall> ToolCalls, bool HoldsOpen = false)
{
    public static ScriptedReply Text(params string[] pieces) => new(pieces, []);

    /// <summary>One sentence, then the answer held open until canopy-be aborts it (or the server's Release completes).</summary>
    public static ScriptedReply Held(string piece) => new([piece], [], HoldsOpen: true);

    public static ScriptedReply Call(string name, object arguments) =>
        new([], [new ScriptedToolCall("call_" + Guid.NewGuid().ToString("N")[..12], name, JsonSerializer.Serialize(arguments))]);
}
