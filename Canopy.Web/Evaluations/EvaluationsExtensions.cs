using Canopy.Web.Chat;
using Canopy.Web.Identity;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Canopy.Web.Evaluations;

public static class EvaluationsExtensions
{
    /// <summary>The evaluations page's client of canopy-be, with the user's token.</summary>
    public static IHostApplicationBuilder AddEvaluations(this IHostApplicationBuilder builder)
    {
#pragma warning disable EXTEXP0001 // A start sent twice would queue a second run, so only reads are retried.
        builder.Services.AddHttpClient<EvaluationsClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri))
            .AddAccessToken()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001
        return builder;
    }
}
