namespace Canopy.Api.Chat;

/// <summary>
/// The server-sent events of <c>POST /api/chat</c>. Each is written as <c>event: &lt;type&gt;</c> and
/// <c>data: &lt;json&gt;</c>; the JSON repeats the type so clients that read only <c>data</c> still work.
/// </summary>
public abstract record ChatEvent
{
    /// <summary>The SSE event name, also serialised as the <c>type</c> field of the data.</summary>
    public abstract string Type { get; }
}

/// <summary>
/// First event: the trace (and the server span, which feedback attaches to), the feature and its token budget,
/// and which provider answers (with a notice when it is a fallback).
/// </summary>
public sealed record StartEvent(
    string TraceId, string SpanId, string ConversationId, string Feature, int MaxTokens, string Provider, string Model, bool Extractive, string? Notice) : ChatEvent
{
    public override string Type => "start";
}

/// <summary>The input was changed before use (e.g. personal data redacted); <see cref="Text"/> is what was used.</summary>
public sealed record GuardrailEvent(string Stage, string Decision, IReadOnlyList<string> Categories, string Text) : ChatEvent
{
    public override string Type => "guardrail";
}

/// <summary>The request or answer was stopped by the guardrails; the category is given, never the matched text.</summary>
public sealed record BlockedEvent(string Stage, string Category, string Message) : ChatEvent
{
    public override string Type => "blocked";
}

public sealed record SourcesEvent(IReadOnlyList<SourceReference> Sources) : ChatEvent
{
    public override string Type => "sources";
}

/// <summary>A cited passage: <see cref="Index"/> is the number used in the answer's [n] citations.</summary>
public sealed record SourceReference(int Index, string DocumentId, string Title, string Source, string HeadingPath, string Text, double Score);

public sealed record DeltaEvent(string Delta) : ChatEvent
{
    public override string Type => "delta";
}

public sealed record DoneEvent(string FinishReason, TokenUsage Usage, StageTimings Timings) : ChatEvent
{
    public override string Type => "done";
}

public sealed record TokenUsage(long InputTokens, long OutputTokens);

/// <summary>Milliseconds spent in each stage of the turn (null when the stage did not run).</summary>
public sealed record StageTimings(
    double? GuardrailsMs, double? RetrievalMs, double? PromptMs, double? TimeToFirstTokenMs, double? GenerationMs,
    double? OutputGuardrailsMs, double TotalMs);

public sealed record ErrorEvent(string Stage, string Error, string Message) : ChatEvent
{
    public override string Type => "error";
}
