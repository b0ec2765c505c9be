using System.Text.Json;
using System.Text.Json.Serialization;

namespace Canopy.Api.OpenAi;

/// <summary>The subset of OpenAI's chat completion request that Canopy honours.</summary>
public sealed record CompletionRequest(
    string? Model, IReadOnlyList<CompletionMessage>? Messages, bool Stream = false, StreamOptions? StreamOptions = null,
    float? Temperature = null, int? MaxTokens = null, int? MaxCompletionTokens = null, int? N = null, float? TopP = null);

public sealed record StreamOptions(bool IncludeUsage);

/// <summary>A message whose content is a string or a list of parts ({type: "text", text}).</summary>
public sealed record CompletionMessage(string? Role, JsonElement Content)
{
    /// <remarks>Throws <see cref="InvalidOperationException"/> for text that is not valid UTF-16 (a lone surrogate escape).</remarks>
    public string? Text => Content.ValueKind switch
    {
        JsonValueKind.String => Content.GetString(),
        JsonValueKind.Array => string.Concat(Content.EnumerateArray()
            .Where(p => p.TryGetProperty("type", out var t) && t.GetString() == "text" && p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => null,
    };
}

public sealed record ModelList(IReadOnlyList<ModelCard> Data)
{
    public string Object => "list";
}

public sealed record ModelCard(string Id, long Created, string Description)
{
    public string Object => "model";
    public string OwnedBy => "canopy";
}

public sealed record Completion(string Id, long Created, string Model, IReadOnlyList<CompletionChoice> Choices, CompletionUsage Usage, CanopyExtras Canopy)
{
    public string Object => "chat.completion";
}

public sealed record CompletionChoice(int Index, AssistantMessage Message, string FinishReason);

public sealed record AssistantMessage(string Content)
{
    public string Role => "assistant";
}

public sealed record CompletionUsage(long PromptTokens, long CompletionTokens)
{
    public long TotalTokens => PromptTokens + CompletionTokens;
}

/// <summary>What Canopy adds to a completion: the trace to open and the passages the answer cites.</summary>
public sealed record CanopyExtras(string? TraceId, IReadOnlyList<string> Sources);

public sealed record CompletionChunk(string Id, long Created, string Model, IReadOnlyList<ChunkChoice> Choices, CompletionUsage? Usage = null)
{
    public string Object => "chat.completion.chunk";
}

public sealed record ChunkChoice(int Index, ChunkDelta Delta, string? FinishReason);

public sealed record ChunkDelta([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role, string? Content);

public sealed record OpenAiError(OpenAiErrorBody Error);

public sealed record OpenAiErrorBody(string Message, string Type, string? Param, string? Code);
