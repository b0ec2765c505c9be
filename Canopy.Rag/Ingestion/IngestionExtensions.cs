using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

public static class IngestionExtensions
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(_ => WordPieceTokenCounter.FromMiniLm());
        builder.Services.AddSingleton(sp => new MarkdownChunker(sp.GetRequiredService<WordPieceTokenCounter>(), sp.GetRequiredService<IOptions<ChunkingOptions>>().Value));
        builder.Services.AddSingleton<DocumentIngestor>();
        builder.Services.AddSingleton<DocumentFolders>();
        builder.Services.AddSingleton<IngestionQueue>();
        builder.Services.AddSingleton<IngestionProgress>();
        builder.Services.AddSingleton<DocumentProcessor>();
        builder.Services.AddSingleton<IngestionState>();
        builder.Services.AddHostedService<IngestionWorker>();
        builder.Services.AddHostedService<DocumentsWatcher>();
        builder.Services.AddHealthChecks().AddCheck<IngestionState>("ingestion");
        return builder;
    }
}
