using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Canopy.Contracts.Chat;

/// <summary>
/// The server-sent events of <c>POST /api/chat</c>. Each is sent as <c>event: &lt;type&gt;</c> and <c>data: &lt;json&gt;</c>;
/// the JSON repeats the type so clients that read only <c>data</c> still work.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StartEvent), "start")]
[JsonDerivedType(typeof(GuardrailEvent), "guardrail")]
[JsonDerivedType(typeof(BlockedEvent), "blocked")]
[JsonDerivedType(typeof(SourcesEvent), "sources")]
[JsonDerivedType(typeof(ToolCallEvent), "tool_call")]
[JsonDerivedType(typeof(ToolResultEvent), "tool_result")]
[JsonDerivedType(typeof(ConfirmationEvent), "confirmation")]
[JsonDerivedType(typeof(DeltaEvent), "delta")]
[JsonDerivedType(typeof(DoneEvent), "done")]
[JsonDerivedType(typeof(ErrorEvent), "error")]
public abstract record ChatEvent
{
    // The attributes above are the one list of names: the SSE event name and the JSON's type both come from it.
    private static readonly FrozenDictionary<System.Type, string> Names = typeof(ChatEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>().ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    private static readonly FrozenDictionary<string, System.Type> Types = Names.ToFrozenDictionary(n => n.Value, n => n.Key, StringComparer.Ordinal);

    /// <summary>The SSE event name, also the <c>type</c> field of the data.</summary>
    [JsonIgnore]
    public string Type => Names[GetType()];

    /// <summary>The event record of an SSE event name, or null for a name this version does not know.</summary>
    public static System.Type? TypeOf(string name) => Types.GetValueOrDefault(name);
}

/// <summary>
/// First event: the trace (and the server span, which feedback attaches to), the feature and its token budget,
/// which provider answers (with a notice when it is a fallback), and the prompt version and the alias that chose it.
/// </summary>
public sealed record StartEvent(
    string TraceId, string SpanId, string ConversationId, string Feature, int MaxTokens, string Provider, string Model, bool Extractive, string? Notice,
    int? PromptVersion = null, string? PromptAlias = null) : ChatEvent;

/// <summary>The input was changed before use (e.g. personal data redacted); <see cref="Text"/> is what was used.</summary>
public sealed record GuardrailEvent(string Stage, string Decision, IReadOnlyList<string> Categories, string Text) : ChatEvent;

/// <summary>The request or answer was stopped by the guardrails; the category is given, never the matched text.</summary>
public sealed record BlockedEvent(string Stage, string Category, string Message) : ChatEvent;

/// <summary>The passages the answer may cite, numbered as its [n] citations.</summary>
public sealed record SourcesEvent(IReadOnlyList<CitedSource> Sources) : ChatEvent;

/// <summary>The agent calls a tool (before it runs); <see cref="Arguments"/> is the JSON object the model gave.</summary>
public sealed record ToolCallEvent(string CallId, string Tool, JsonElement Arguments) : ChatEvent;

/// <summary>
/// A tool call ended: <see cref="Status"/> is one of <see cref="ToolStatuses"/>; <see cref="Summary"/> is a short, readable
/// account of the result (never the whole of it).
/// </summary>
public sealed record ToolResultEvent(string CallId, string Tool, string Status, string Summary) : ChatEvent;

/// <summary>
/// A tool that writes waits for the student: the turn ends (finish reason <c>confirmation</c>) and the next request of the
/// conversation answers with a <see cref="ToolConfirmation"/> naming <see cref="RequestId"/>.
/// </summary>
public sealed record ConfirmationEvent(string RequestId, string CallId, string Tool, JsonElement Arguments, string Summary) : ChatEvent;

/// <summary>How a tool call ended.</summary>
public static class ToolStatuses
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string TimedOut = "timeout";
    /// <summary>The student said no to a write.</summary>
    public const string Declined = "declined";
    /// <summary>The context guardrails kept the result from the model.</summary>
    public const string Withheld = "withheld";
}

public sealed record DeltaEvent(string Delta) : ChatEvent;

public sealed record DoneEvent(string FinishReason, TokenUsage Usage, StageTimings Timings) : ChatEvent;

public sealed record TokenUsage(long InputTokens, long OutputTokens);

/// <summary>
/// Milliseconds spent in each stage of the turn (null when the stage did not run). <see cref="ModelMs"/> is the part of
/// generation spent waiting for the model itself (the rest is the turn's own work on what it streams).
/// </summary>
public sealed record StageTimings(
    double? GuardrailsMs, double? RetrievalMs, double? PromptMs, double? TimeToFirstTokenMs, double? GenerationMs,
    double? OutputGuardrailsMs, double TotalMs, double? ModelMs = null);

/// <summary>A stage failed and the turn ends; <see cref="Message"/> is for the student.</summary>
public sealed record ErrorEvent(string Stage, string Error, string Message) : ChatEvent;
