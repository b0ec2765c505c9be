using Canopy.Web.Chat;
using Canopy.Web.Identity;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Canopy.Web.ApiKeys;

public static class ApiKeysExtensions
{
    /// <summary>The keys page's client of canopy-be, with the user's token.</summary>
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeysOptions>().BindConfiguration(ApiKeysOptions.Section);
        builder.Services.AddSingleton<FrontDoorAddress>();
#pragma warning disable EXTEXP0001 // A create sent twice would make a second key whose secret nobody sees, so only reads are retried.
        builder.Services.AddHttpClient<ApiKeysClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri))
            .AddAccessToken()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001
        return builder;
    }
}
