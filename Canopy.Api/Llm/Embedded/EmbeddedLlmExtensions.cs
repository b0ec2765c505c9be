using Microsoft.Extensions.Options;

namespace Canopy.Api.Llm.Embedded;

public static class EmbeddedLlmExtensions
{
    public const string ModelHttpClient = "llm-model";

    /// <summary>
    /// <c>Canopy:Llm=embedded</c>: the model is fetched and loaded in the background; requests go to it once it is ready
    /// and to the extractive client (with a notice) before that or when it cannot be had.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedLlm(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EmbeddedLlmOptions>().BindConfiguration(EmbeddedLlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The prompt budget must fit the model's context, or a long question would overflow it.
        services.AddOptions<GenerationOptions>().PostConfigure<IOptions<EmbeddedLlmOptions>>((generation, embedded) =>
            generation.ContextTokens = Math.Min(generation.ContextTokens, embedded.Value.ContextSize));
        services.AddSingleton(sp => new ModelStatus(sp.GetRequiredService<IOptions<EmbeddedLlmOptions>>().Value.ModelName));
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; a 500 MB download must not inherit the 30 s total timeout.
        services.AddHttpClient(ModelHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<EmbeddedLlmOptions>>().Value;
            return new ModelDownloader(sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelHttpClient), sp.GetRequiredService<ILogger<ModelDownloader>>())
            {
                StallTimeout = settings.StallTimeout,
                RetryDelay = settings.RetryDelay,
            };
        });
        services.AddSingleton<EmbeddedModelHost>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedModelHost>());
        services.AddSingleton<ILlmProviderAccessor, EmbeddedProviderAccessor>();
        services.AddHealthChecks().AddCheck<ModelHealthCheck>(ModelHealthCheck.Name);
        return builder;
    }
}
