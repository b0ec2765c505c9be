using System.Text;
using System.Text.Json;
using Canopy.Api.Admission;
using Canopy.Api.Chat;
using Canopy.Api.Features;

namespace Canopy.Api.OpenAi;

/// <summary>
/// An OpenAI-compatible front door: Canopy's features are models (<c>canopy-information-search</c>, ...), and a chat
/// completion runs the whole guardrails → retrieval → generation pipeline.
/// </summary>
public static class OpenAiEndpoints
{
    public const string ModelPrefix = "canopy-";
    public const string PathPrefix = "/v1";

    public static IHostApplicationBuilder AddOpenAiApi(this IHostApplicationBuilder builder)
    {
        // First among the writers, so that nothing under /v1 answers in any other shape.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, OpenAiProblemWriter>());
        return builder;
    }

    public static IEndpointRouteBuilder MapOpenAiApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(PathPrefix);
        v1.MapGet("/models", ListModels).WithName("OpenAiModels");
        v1.MapPost("/chat/completions", CompleteAsync).WithName("OpenAiChatCompletions").RequireChatAdmission();
        return app;
    }

    internal static IResult ListModels(FeatureCatalog features) => TypedResults.Json(
        new ModelList([.. features.All().Where(f => f.Settings.Enabled).Select(f => new ModelCard(ModelPrefix + f.Id, 1_767_225_600, f.Settings.Description))]),
        OpenAiJson.Options);

    internal static async Task<IResult> CompleteAsync(HttpContext context, FeatureCatalog features, ChatPipeline pipeline)
    {
        if (!context.Request.HasJsonContentType())
            return OpenAiJson.Error(415, $"The body must be JSON (Content-Type: application/json), not '{context.Request.ContentType}'.", "invalid_request_error", code: "unsupported_media_type");
        CompletionRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<CompletionRequest>(context.Request.Body, OpenAiJson.Options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            var param = BadRequestExceptionHandler.FieldOf(ex.Path);
            return OpenAiJson.Error(400, $"The body is not valid JSON{(param is null ? "" : $" at '{param}'")}: {ex.Message}", "invalid_request_error", param);
        }
        if (CompletionValidation.Check(request, features) is { } problem) return problem;

        var messages = request!.Messages!;
        var feature = request.Model![ModelPrefix.Length..];
        var history = messages.Take(messages.Count - 1).Where(m => m.Role is "user" or "assistant").Select(m => new ChatTurn(m.Role!, m.Text ?? "")).ToArray();
        var chat = new ChatRequest(messages[^1].Text, Feature: feature, History: history);
        if (chat.Validate(features) is { Count: > 0 } errors)
            return OpenAiJson.Error(400, string.Join(" ", errors.Values.SelectMany(v => v)), "invalid_request_error", "messages");

        return request.Stream
            ? new CompletionStreamResult(chat, request.Model, request.StreamOptions?.IncludeUsage == true, pipeline)
            : await CompleteOnceAsync(chat, request.Model, pipeline, context.RequestAborted);
    }

    private static async Task<IResult> CompleteOnceAsync(ChatRequest chat, string model, ChatPipeline pipeline, CancellationToken cancellationToken)
    {
        var turn = new CompletionTurn();
        await pipeline.RunAsync(chat, e => { turn.Apply(e); return Task.CompletedTask; }, cancellationToken);
        if (turn.Error is { } error)
            return OpenAiJson.Error(503, error.Message, "service_unavailable", code: error.Stage);
        var completion = new Completion("chatcmpl-" + (turn.TraceId ?? Guid.NewGuid().ToString("N")), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model,
            [new CompletionChoice(0, new AssistantMessage(turn.Content), turn.FinishReason)], turn.Usage, new CanopyExtras(turn.TraceId, [.. turn.SourceLines()]));
        return TypedResults.Json(completion, OpenAiJson.Options);
    }
}

/// <summary>Streams a completion as OpenAI chunks (<c>data: {...}</c>) ending with <c>data: [DONE]</c>.</summary>
internal sealed class CompletionStreamResult(ChatRequest chat, string model, bool includeUsage, ChatPipeline pipeline) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var aborted = httpContext.RequestAborted;
        var turn = new CompletionTurn();
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        async Task WriteAsync(object payload)
        {
            var frame = "data: " + JsonSerializer.Serialize(payload, OpenAiJson.Options) + "\n\n";
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), aborted);
            await response.Body.FlushAsync(aborted);
        }

        await WriteAsync(new CompletionChunk(id, created, model, [new ChunkChoice(0, new ChunkDelta("assistant", ""), null)]));
        await pipeline.RunAsync(chat, async e =>
        {
            if (turn.Apply(e) is { Length: > 0 } text)
                await WriteAsync(new CompletionChunk(id, created, model, [new ChunkChoice(0, new ChunkDelta(null, text), null)]));
        }, aborted);

        if (turn.Error is { } error)
            await WriteAsync(new OpenAiError(new OpenAiErrorBody(error.Message, "service_unavailable", null, error.Stage)));
        else
            await WriteAsync(new CompletionChunk(id, created, model, [new ChunkChoice(0, new ChunkDelta(null, null), turn.FinishReason)]));
        if (includeUsage)
            await WriteAsync(new CompletionChunk(id, created, model, [], turn.Usage));
        await response.Body.WriteAsync("data: [DONE]\n\n"u8.ToArray(), aborted);
    }
}
