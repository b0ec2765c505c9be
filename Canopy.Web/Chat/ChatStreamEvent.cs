using System.Text.Json;

namespace Canopy.Web.Chat;

/// <summary>One server-sent event from canopy-be: its type and its JSON payload.</summary>
public sealed record ChatStreamEvent(string Type, JsonElement Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public T As<T>() => Data.Deserialize<T>(Json)!;
}

/// <summary><see cref="SpanId"/> is canopy-be's server span: feedback attaches to it, inside the answer's own trace.</summary>
public sealed record StartPayload(string TraceId, string ConversationId, string Feature, string Provider, string Model, bool Extractive, string? Notice, string? SpanId = null);

public sealed record GuardrailPayload(string Stage, string Decision, string[] Categories, string Text);

public sealed record BlockedPayload(string Stage, string Category, string Message);

public sealed record SourcePayload(int Index, string DocumentId, string Title, string Source, string HeadingPath, string Text, double Score);

public sealed record SourcesPayload(SourcePayload[] Sources);

public sealed record DeltaPayload(string Delta);

public sealed record DonePayload(string FinishReason, UsagePayload Usage, TimingsPayload Timings);

public sealed record UsagePayload(long InputTokens, long OutputTokens);

public sealed record TimingsPayload(
    double? GuardrailsMs, double? RetrievalMs, double? PromptMs, double? TimeToFirstTokenMs, double? GenerationMs, double? OutputGuardrailsMs, double TotalMs);

public sealed record ErrorPayload(string Stage, string Error, string Message);
