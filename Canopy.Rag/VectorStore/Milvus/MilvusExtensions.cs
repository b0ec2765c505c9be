using Canopy.Rag.VectorStore.Milvus;
using Microsoft.Extensions.Options;
using Polly;

namespace Canopy.Rag.VectorStore;

public static class MilvusExtensions
{
    /// <summary>Registers the Milvus index, its REST client and health check; start-up fails when the connection string is missing.</summary>
    public static IHostApplicationBuilder AddMilvusIndex(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MilvusOptions>().BindConfiguration(MilvusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MilvusOptions>, MilvusOptionsValidator>();
        services.AddSingleton(sp => MilvusConnectionString.Parse(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(sp.GetRequiredService<IOptions<MilvusOptions>>().Value.ConnectionName)));

        // The client lives in a singleton, so connections are recycled by the handler instead of by the factory.
        // Its own RequestTimeout bounds each call (retries included), so neither HttpClient.Timeout nor the standard
        // resilience handler of the service defaults (10 s an attempt, 30 s in all, every request retried) may apply.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental.
        services.AddHttpClient<MilvusRestClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("milvus", pipeline => pipeline.AddRetry(MilvusRetry.ForReads()));
#pragma warning restore EXTEXP0001

        services.AddSingleton<MilvusVectorIndex>();
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<MilvusVectorIndex>());
        services.AddHealthChecks().AddCheck<MilvusHealthCheck>("milvus", tags: ["ready"]);
        return builder;
    }
}
