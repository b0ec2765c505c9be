using Canopy.Api.Admission;
using Canopy.Api.Features;
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
        var api = app.MapGroup("/api");
        api.MapPost("/chat", Chat).WithName("Chat").RequireChatAdmission();
        return app;
    }

    internal static Results<ChatEventStreamResult, ValidationProblem> Chat(ChatRequest request, FeatureCatalog features)
    {
        var errors = request.Validate(features);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : new ChatEventStreamResult(request);
    }
}
