using System.Diagnostics;
using System.Net.ServerSentEvents;
using Canopy.Api.Admission;
using Canopy.Api.Agent;
using Canopy.Api.Agent.Memory;
using Canopy.Api.Llm;
using Canopy.Api.Features;
using Canopy.Api.Prompts;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Features;
using Canopy.Contracts.Prompts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canopy.Api.Chat;

public static class ChatEndpoints
{
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChatPipeline>();
        return builder;
    }

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(CanopyRoles.ReaderPolicy);
        api.MapPost("/chat", Chat).WithName("Chat").RequireChatAdmission().WithUserLimits(UserLimit.ChatTurns, UserLimit.Streams);
        return app;
    }

    /// <remarks>The client closing the request (Stop) cancels <see cref="HttpContext.RequestAborted"/>, and with it the turn.</remarks>
    internal static async Task<Results<ServerSentEventsResult<ChatEvent>, ValidationProblem, ProblemHttpResult>> Chat(
        ChatRequest request, FeatureCatalog features, PromptRegistry prompts, ChatPipeline pipeline, ILlmProviderAccessor providers,
        IConversationMemory memory, ConversationOwner owner, HttpContext context)
    {
        var errors = request.Validate(features, providers.Current);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (request.Confirmations is { Length: > 0 } confirmations
            && await UnknownConfirmationAsync(confirmations, request.ConversationId!, owner.Current, memory, context.RequestAborted) is { } unknown)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing waits for this confirmation",
                detail: $"No change with request id '{unknown}' waits for confirmation in this conversation; it may have been answered already.");
        // The turn's prompt version is decided here, once; a challenger only while the feature's A/B test runs.
        var alias = request.PromptAlias ?? PromptAliases.Champion;
        if (!PromptAliases.All.Contains(alias))
            return Invalid("promptAlias", $"Unknown prompt alias '{alias}'. Aliases: {string.Join(", ", PromptAliases.All)}.");
        if (alias == PromptAliases.Challenger && !features.IsFlagOn(FlagIds.AbTesting))
            return Invalid("promptAlias", "A/B testing is turned off, so only the champion prompt answers.");
        var feature = request.Feature ?? FeatureCatalog.Default;
        if (await prompts.ResolveAsync(feature, alias, context.RequestAborted) is not { } prompt)
            return Invalid("promptAlias", $"{feature} has no challenger prompt now.");
        // Proxies such as nginx would otherwise hold the deltas back.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        if (Activity.Current is { } activity)
            context.Response.Headers["X-Trace-Id"] = activity.TraceId.ToHexString();
        return EventStream(pipeline.StreamAsync(request, prompt, context.RequestAborted));
    }

    /// <summary>The first confirmation that answers nothing the conversation's last turn asked, or null.</summary>
    private static async Task<string?> UnknownConfirmationAsync(
        ToolConfirmation[] confirmations, string conversationId, string owner, IConversationMemory memory, CancellationToken cancellationToken)
    {
        var pending = ConversationHistory.Pending(await memory.LoadAsync(conversationId, owner, cancellationToken)).Select(p => p.RequestId).ToHashSet();
        return confirmations.Select(c => c.RequestId!).FirstOrDefault(id => !pending.Contains(id));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Each event as <c>event: &lt;type&gt;</c> and its JSON (which repeats the type) as <c>data:</c>.</summary>
    internal static ServerSentEventsResult<ChatEvent> EventStream(IAsyncEnumerable<ChatEvent> events) =>
        TypedResults.ServerSentEvents(events.Select(e => new SseItem<ChatEvent>(e, e.Type)));
}
