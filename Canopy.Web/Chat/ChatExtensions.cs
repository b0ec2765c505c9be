using Canopy.Web.Conversations;
using Canopy.Web.Documents;
using Canopy.Web.Features;
using Canopy.Web.Feedback;
using Canopy.Web.Identity;
using Microsoft.Extensions.Options;
using Polly;

namespace Canopy.Web.Chat;

public static class ChatExtensions
{
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatUiOptions>().BindConfiguration(ChatUiOptions.Section);
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<ChatSession>();
        builder.Services.AddScoped<ConversationStore>();
#pragma warning disable EXTEXP0001 // A streamed answer is neither retried (POST) nor cut by the standard 30 s budget.
        builder.Services.AddHttpClient<ChatApiClient>((sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri);
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddAccessToken()
            // Stop must close the connection so canopy-be sees RequestAborted; draining the rest of the answer would let it finish.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxResponseDrainSize = 0 })
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("chat", pipeline => pipeline.AddTimeout(TimeSpan.FromMinutes(2)));
        // An upload must not be sent twice, and a large file may take longer than the standard budget.
        builder.Services.AddHttpClient<DocumentsClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.RagUri))
            .AddAccessToken()
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("documents", pipeline => pipeline.AddTimeout(TimeSpan.FromMinutes(2)));
#pragma warning restore EXTEXP0001
        builder.Services.AddHttpClient<FeatureFlagsClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri))
            .AddAccessToken();
        builder.Services.AddHttpClient<FeedbackClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri))
            .AddAccessToken();
        return builder;
    }
}
