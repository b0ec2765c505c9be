using Canopy.Rag.VectorStore.Milvus;
using Microsoft.Extensions.Options;

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
        services.AddHttpClient<MilvusRestClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddSingleton<MilvusVectorIndex>();
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<MilvusVectorIndex>());
        services.AddHealthChecks().AddCheck<MilvusHealthCheck>("milvus", tags: ["ready"]);
        return builder;
    }
}
