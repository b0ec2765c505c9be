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
#pragma warning disable EXTEXP0001 // A streamed answer is neither retried (POST) nor cut by the standard 30 s budget.
        builder.Services.AddHttpClient<ChatApiClient>((sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri);
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("chat", pipeline => pipeline.AddTimeout(TimeSpan.FromMinutes(2)));
#pragma warning restore EXTEXP0001
        return builder;
    }
}
