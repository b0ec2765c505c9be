using Canopy.Api.ApiKeys;
using System.Text.Json;
using Canopy.Api.Admission;
using Canopy.Api.Chat;
using Canopy.Api.Features;
using Canopy.Api.Llm;
using Canopy.Contracts.Chat;

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
        var v1 = app.MapGroup(PathPrefix).RequireAuthorization(ApiKeyEndpoints.FrontDoorPolicy);
        v1.MapGet("/models", ListModels).WithName("OpenAiModels").WithUserLimits(UserLimit.OpenAiCalls);
        v1.MapPost("/chat/completions", CompleteAsync).WithName("OpenAiChatCompletions").RequireChatAdmission()
            .WithUserLimits(UserLimit.OpenAiCalls, UserLimit.Streams);
        return app;
    }

    internal static IResult ListModels(FeatureCatalog features) => TypedResults.Json(
        new ModelList([.. features.All().Where(f => features.IsEnabled(f.Id) && !f.Settings.UsesTools).Select(f => new ModelCard(ModelPrefix + f.Id, 1_767_225_600, f.Settings.Description))]),
        OpenAiJson.Options);

    internal static async Task<IResult> CompleteAsync(HttpContext context, FeatureCatalog features, ChatPipeline pipeline, ILlmProviderAccessor providers)
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
        var history = messages.Take(messages.Count - 1).Where(m => m.Role is "user" or "assistant").Select(m => new ChatHistoryTurn(m.Role!, m.Text ?? "")).ToArray();
        var chat = new ChatRequest(messages[^1].Text, Feature: feature, History: history);
        // The student assistant asks the student to confirm its writes, which the completions protocol cannot carry.
        if (features.Get(feature).UsesTools)
            return OpenAiJson.Error(400, $"{features.Get(feature).Name} runs only in Canopy's chat, where you confirm its calendar changes.", "invalid_request_error", "model");
        if (chat.Validate(features, providers.Current) is { Count: > 0 } errors)
            return OpenAiJson.Error(400, string.Join(" ", errors.Values.SelectMany(v => v)), "invalid_request_error", "messages");

        if (!request.Stream) return await CompleteOnceAsync(chat, request.Model, pipeline, context.RequestAborted);
        var turn = pipeline.StreamAsync(chat, cancellationToken: context.RequestAborted);
        return TypedResults.ServerSentEvents(CompletionStream.ChunksAsync(turn, request.Model, request.StreamOptions?.IncludeUsage == true));
    }

    private static async Task<IResult> CompleteOnceAsync(ChatRequest chat, string model, ChatPipeline pipeline, CancellationToken cancellationToken)
    {
        var turn = new CompletionTurn();
        await foreach (var chatEvent in pipeline.StreamAsync(chat, cancellationToken: cancellationToken)) turn.Apply(chatEvent);
        if (turn.Error is { } error)
            return OpenAiJson.Error(503, error.Message, "service_unavailable", code: error.Stage);
        var completion = new Completion("chatcmpl-" + (turn.TraceId ?? Guid.NewGuid().ToString("N")), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model,
            [new CompletionChoice(0, new AssistantMessage(turn.Content), turn.FinishReason)], turn.Usage, new CanopyExtras(turn.TraceId, [.. turn.SourceLines()]));
        return TypedResults.Json(completion, OpenAiJson.Options);
    }
}
