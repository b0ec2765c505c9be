using Microsoft.Extensions.Options;

namespace Canopy.Api.Retrieval;

public static class RetrievalExtensions
{
    public static IHostApplicationBuilder AddRetrieval(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<RagClient>((sp, http) =>
            http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.ServiceUri));
        return builder;
    }
}
