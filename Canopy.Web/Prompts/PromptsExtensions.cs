using Canopy.Web.Chat;
using Canopy.Web.Experiments;
using Canopy.Web.Identity;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Canopy.Web.Prompts;

public static class PromptsExtensions
{
    /// <summary>The prompt registry's and the A/B tests' clients of canopy-be, with the user's token.</summary>
    public static IHostApplicationBuilder AddPrompts(this IHostApplicationBuilder builder)
    {
#pragma warning disable EXTEXP0001 // A version or a preference sent twice would be stored twice, so only reads (and PUT/DELETE) are retried.
        builder.Services.AddHttpClient<PromptsClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri))
            .AddAccessToken()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options => options.Retry.DisableFor(HttpMethod.Post));
        builder.Services.AddHttpClient<AbTestsClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri))
            .AddAccessToken()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options => options.Retry.DisableFor(HttpMethod.Post));
#pragma warning restore EXTEXP0001
        return builder;
    }
}
