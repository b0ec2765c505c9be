using Canopy.Rag.Embeddings;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Search;
using Canopy.Rag.Search.Rerank;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Evaluation;

/// <summary>The <c>eval</c> command: measures retrieval on a benchmark without starting the web host.</summary>
public static class RetrievalEvaluation
{
    public static async Task<int> RunAsync(string[] args)
    {
        EvalArguments arguments;
        EvalDataset dataset;
        try
        {
            arguments = EvalArguments.Parse(args);
            dataset = arguments.Load();
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(EvalArguments.Usage);
            return 2;
        }

        // Same registrations as the service, so configuration chooses the embedding provider and reranker alike.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = arguments.Configuration, ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Evaluation",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEmbeddings();
        builder.AddSearch();
        builder.Services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.Section).ValidateDataAnnotations();
        using var host = builder.Build();

        var services = host.Services;
        var reranker = services.GetRequiredService<ResultReranker>();
        var methods = arguments.Methods ?? [.. RetrievalEvaluator.BaseMethods, .. reranker.IsConfigured ? ["rerank"] : Array.Empty<string>()];
        if (methods.Contains("rerank") && !reranker.IsConfigured)
        {
            Console.Error.WriteLine($"Method 'rerank' needs {RerankOptions.Section}:Endpoint and :Model.");
            return 2;
        }

        var search = services.GetRequiredService<IOptions<SearchOptions>>().Value;
        var evaluator = new RetrievalEvaluator(
            services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), WordPieceTokenCounter.FromMiniLm(), search, services.GetRequiredService<IOptions<ChunkingOptions>>().Value, reranker);
        Console.WriteLine($"Evaluating {dataset.Name}: {dataset.Passages.Count} passages, {dataset.Questions.Count} questions, methods {string.Join(", ", methods)}");
        var report = await evaluator.RunAsync(dataset, methods, CancellationToken.None, arguments.Sweep ? FusionSweep.DefaultGrid(search) : null);
        EvalReportWriter.WriteMarkdown(report, Console.Out);
        if (arguments.JsonOutput is { } json) await EvalReportWriter.WriteJsonAsync(report, json, CancellationToken.None);
        return 0;
    }
}
