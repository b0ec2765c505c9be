using Microsoft.Extensions.AI;

namespace Canopy.Rag.Embeddings;

public static class EmbeddingExtensions
{
    public static IHostApplicationBuilder AddEmbeddings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MiniLmEmbeddingGenerator>();
        builder.Services.AddEmbeddingGenerator(sp => sp.GetRequiredService<MiniLmEmbeddingGenerator>())
            .UseOpenTelemetry()
            .UseLogging();
        return builder;
    }
}
