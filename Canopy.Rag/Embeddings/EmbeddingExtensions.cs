using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Canopy.Embeddings;

namespace Canopy.Rag.Embeddings;

public static class EmbeddingExtensions
{
    /// <summary>Registers the embedding generator chosen by <c>Canopy:Rag:Embeddings:Provider</c>, with OpenTelemetry and logging.</summary>
    public static IHostApplicationBuilder AddEmbeddings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var provider = builder.Configuration[$"{EmbeddingOptions.Section}:{nameof(EmbeddingOptions.Provider)}"] ?? "minilm";
        if (string.Equals(provider, "openai", StringComparison.OrdinalIgnoreCase))
        {
            // Parsed now so a missing or malformed connection string stops start-up with its reason.
            var connection = EmbeddingsConnectionString.Parse(builder.Configuration.GetConnectionString(EmbeddingOptions.ConnectionStringName));
            builder.Services.AddHttpClient(EmbeddingOptions.ConnectionStringName);
            builder.Services.AddSingleton(sp => new OpenAiEmbeddingGenerator(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(EmbeddingOptions.ConnectionStringName), connection,
                sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.BatchSize));
            builder.Services.AddEmbeddingGenerator(sp => sp.GetRequiredService<OpenAiEmbeddingGenerator>())
                .UseOpenTelemetry()
                .UseLogging();
        }
        else
        {
            builder.Services.AddSingleton<MiniLmEmbeddingGenerator>();
            builder.Services.AddSingleton<MiniLmWarmup>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<MiniLmWarmup>());
            builder.Services.AddHealthChecks().AddCheck<MiniLmWarmup>(MiniLmWarmup.HealthCheckName, tags: ["ready"]);
            builder.Services.AddEmbeddingGenerator(sp => new InProcessEmbeddingTelemetry(sp.GetRequiredService<MiniLmEmbeddingGenerator>()))
                .UseLogging();
        }
        return builder;
    }
}
