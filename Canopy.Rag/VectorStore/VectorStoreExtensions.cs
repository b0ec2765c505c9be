using Canopy.Contracts;

namespace Canopy.Rag.VectorStore;

public static class VectorStoreExtensions
{
    public static IHostApplicationBuilder AddVectorStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbeddedIndexOptions>().BindConfiguration(EmbeddedIndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        if (builder.AddModes().VectorStore == VectorStoreMode.Milvus)
            builder.AddMilvusIndex();
        else
            builder.Services.AddSingleton<IVectorIndex, SqliteVectorIndex>();
        builder.Services.AddSingleton<IndexOpener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IndexOpener>());
        builder.Services.AddHealthChecks().AddCheck<IndexOpener>(IndexOpener.HealthCheckName, tags: ["ready"]);
        return builder;
    }
}
