using System.Diagnostics;
using System.Net.ServerSentEvents;
using Canopy.Api.Admission;
using Canopy.Api.Features;
using Canopy.Contracts.Chat;
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
    internal static Results<ServerSentEventsResult<ChatEvent>, ValidationProblem> Chat(
        ChatRequest request, FeatureCatalog features, ChatPipeline pipeline, HttpContext context)
    {
        var errors = request.Validate(features);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        // Proxies such as nginx would otherwise hold the deltas back.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        if (Activity.Current is { } activity)
            context.Response.Headers["X-Trace-Id"] = activity.TraceId.ToHexString();
        return EventStream(pipeline.StreamAsync(request, context.RequestAborted));
    }

    /// <summary>Each event as <c>event: &lt;type&gt;</c> and its JSON (which repeats the type) as <c>data:</c>.</summary>
    internal static ServerSentEventsResult<ChatEvent> EventStream(IAsyncEnumerable<ChatEvent> events) =>
        TypedResults.ServerSentEvents(events.Select(e => new SseItem<ChatEvent>(e, e.Type)));
}
