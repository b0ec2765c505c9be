using Canopy.Rag.Ingestion.Limits;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

public static class IngestionExtensions
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<IngestionLimits>().BindConfiguration(IngestionLimits.Section).ValidateDataAnnotations().ValidateOnStart();
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
        // Untagged: reported in /health as Degraded while documents wait, which keeps the service ready.
        builder.Services.AddHealthChecks().AddCheck<IngestionState>("ingestion");
        return builder;
    }

    /// <summary><c>GET /api/ingestion</c>: whether ingestion is idle, what it works on and how far it is.</summary>
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/ingestion").MapGet("/", (IngestionState state) => TypedResults.Ok(state.Status)).WithName("GetIngestionStatus").RequireAuthorization(CanopyRoles.ReaderPolicy);
        return app;
    }
}
