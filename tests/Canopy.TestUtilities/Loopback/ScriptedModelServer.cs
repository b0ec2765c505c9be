using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Canopy.TestUtilities.Loopback;

/// <summary>How the scripted model server answers.</summary>
public enum ModelScript
{
    /// <summary>Streams the given pieces, a stop chunk, a usage chunk and <c>[DONE]</c>, as vLLM does.</summary>
    Answer,
    /// <summary>Answers 500 at once.</summary>
    ServerError,
    /// <summary>Accepts the request and never sends headers.</summary>
    StallBeforeHeaders,
    /// <summary>Streams one sentence, then nothing more until the request is aborted.</summary>
    StallMidStream,
}

/// <summary>
/// A server speaking OpenAI's chat completions protocol that stands in for vLLM: it answers or fails as scripted, records
/// each request body and when canopy-be gives a request up.
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    public const string FirstSentence = "Leaf area index is the leaf area per unit of ground area. ";

    private readonly ModelScript _script;
    private readonly string _model;
    private readonly Func<JsonElement, IReadOnlyList<string>> _pieces;
    private Func<JsonElement, ScriptedReply>? _reply;
    private readonly (int Prompt, int Completion) _usage;
    private LoopbackServer _server = default!;

    private ScriptedModelServer(ModelScript script, string model, Func<JsonElement, IReadOnlyList<string>> pieces, (int, int) usage) =>
        (_script, _model, _pieces, _usage) = (script, model, pieces, usage);

    public Uri BaseAddress => _server.BaseAddress;
    public string ConnectionString => $"Endpoint={BaseAddress}v1;Model={_model}";

    /// <summary>Each request's JSON body, in order.</summary>
    public List<JsonElement> Requests { get; } = [];

    /// <summary>Completes when canopy-be aborts a request this server is holding (a stall or a held reply).</summary>
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a request has arrived.</summary>
    public TaskCompletionSource Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completing it lets held streams finish normally.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Task<ScriptedModelServer> StartAsync(ModelScript script) => StartAsync(new ScriptedModelServer(script, "scripted", _ => [], (0, 0)));

    /// <summary>A model that streams <paramref name="pieces"/> and reports the given token usage.</summary>
    public static Task<ScriptedModelServer> AnswerAsync(string model, IReadOnlyList<string> pieces, int promptTokens, int completionTokens) =>
        StartAsync(new ScriptedModelServer(ModelScript.Answer, model, _ => pieces, (promptTokens, completionTokens)));

    /// <summary>A model whose pieces depend on the request (e.g. an answer for a chat turn, a rating for a judge's question).</summary>
    public static Task<ScriptedModelServer> AnswerAsync(string model, Func<JsonElement, IReadOnlyList<string>> pieces, int promptTokens, int completionTokens) =>
        StartAsync(new ScriptedModelServer(ModelScript.Answer, model, pieces, (promptTokens, completionTokens)));

    /// <summary>A model that calls tools: each request's reply (text, or tool calls) comes from <paramref name="reply"/>.</summary>
    public static Task<ScriptedModelServer> RepliesAsync(string model, Func<JsonElement, ScriptedReply> reply) =>
        StartAsync(new ScriptedModelServer(ModelScript.Answer, model, _ => [], (40, 12)) { _reply = reply });

    private static async Task<ScriptedModelServer> StartAsync(ScriptedModelServer model)
    {
        model._server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", model.ServeAsync));
        return model;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        lock (Requests) Requests.Add(body);
        Received.TrySetResult();
        var aborted = context.RequestAborted;
        switch (_script)
        {
            case ModelScript.Answer:
                var reply = _reply?.Invoke(body) ?? ScriptedReply.Text([.. _pieces(body)]);
                if (reply.HoldsOpen)
                {
                    await HoldAsync(context, reply.Pieces, aborted);
                    return;
                }
                context.Response.ContentType = "text/event-stream";
                foreach (var piece in reply.Pieces) await SendAsync(context, Chunk(piece, null));
                for (var i = 0; i < reply.ToolCalls.Count; i++)
                {
                    // As vLLM streams them: the call's id and name first, its arguments in a later chunk.
                    var call = reply.ToolCalls[i];
                    await SendAsync(context, ToolChunk(new { index = i, id = call.Id, type = "function", function = new { name = call.Name, arguments = "" } }));
                    await SendAsync(context, ToolChunk(new { index = i, function = new { arguments = call.Arguments } }));
                }
                await SendAsync(context, Chunk("", reply.ToolCalls.Count > 0 ? "tool_calls" : "stop"));
                await SendAsync(context, new { id = "c1", @object = "chat.completion.chunk", created = 1, model = _model, choices = Array.Empty<object>(),
                    usage = new { prompt_tokens = _usage.Prompt, completion_tokens = _usage.Completion, total_tokens = _usage.Prompt + _usage.Completion } });
                await context.Response.WriteAsync("data: [DONE]\n\n");
                return;
            case ModelScript.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("""{"error":{"message":"the model crashed","type":"server_error"}}""");
                return;
            case ModelScript.StallBeforeHeaders:
                aborted.Register(() => Aborted.TrySetResult());
                await Task.WhenAny(Release.Task, Task.Delay(Timeout.Infinite, aborted));
                return;
            case ModelScript.StallMidStream:
                await HoldAsync(context, [FirstSentence], aborted);
                return;
        }
    }

    // Streams the pieces, then nothing more until the request is aborted or Release completes (then it ends normally).
    private async Task HoldAsync(HttpContext context, IReadOnlyList<string> pieces, CancellationToken aborted)
    {
        aborted.Register(() => Aborted.TrySetResult());
        context.Response.ContentType = "text/event-stream";
        foreach (var piece in pieces) await SendAsync(context, Chunk(piece, null));
        await Task.WhenAny(Release.Task, Task.Delay(Timeout.Infinite, aborted));
        if (aborted.IsCancellationRequested) return;
        await SendAsync(context, Chunk("", "stop"));
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private object Chunk(string content, string? finishReason) =>
        new { id = "c1", @object = "chat.completion.chunk", created = 1, model = _model, choices = new[] { new { index = 0, delta = new { content }, finish_reason = finishReason } } };

    private object ToolChunk(object toolCall) =>
        new { id = "c1", @object = "chat.completion.chunk", created = 1, model = _model, choices = new[] { new { index = 0, delta = new { tool_calls = new[] { toolCall } }, finish_reason = (string?)null } } };

    private static async Task SendAsync(HttpContext context, object chunk)
    {
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
        await context.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        await _server.DisposeAsync();
    }
}
