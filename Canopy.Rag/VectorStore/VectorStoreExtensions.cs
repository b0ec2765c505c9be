namespace Canopy.Rag.VectorStore;

public static class VectorStoreExtensions
{
    public static IHostApplicationBuilder AddVectorStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VectorStoreOptions>().BindConfiguration(VectorStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<EmbeddedIndexOptions>().BindConfiguration(EmbeddedIndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var mode = builder.Configuration[$"{VectorStoreOptions.Section}:VectorStore"] ?? "embedded";
        if (string.Equals(mode, "milvus", StringComparison.OrdinalIgnoreCase))
            builder.AddMilvusIndex();
        else
            builder.Services.AddSingleton<IVectorIndex, SqliteVectorIndex>();
        builder.Services.AddSingleton<IndexOpener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IndexOpener>());
        builder.Services.AddHealthChecks().AddCheck<IndexOpener>(IndexOpener.HealthCheckName, tags: ["ready"]);
        return builder;
    }
}
