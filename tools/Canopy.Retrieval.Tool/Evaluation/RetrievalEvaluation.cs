using Canopy.Rag.Embeddings;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Search;
using Canopy.Rag.Search.Rerank;
using Canopy.Retrieval.Tool.Commands;
using Canopy.Retrieval.Tool.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canopy.Retrieval.Tool.Evaluation;

/// <summary>One <c>eval</c> run: loads the dataset, builds the service's embedding and search registrations, and prints the report.</summary>
public static class RetrievalEvaluation
{
    public static async Task<int> RunAsync(EvalArguments arguments, CancellationToken cancellationToken)
    {
        EvalDataset dataset;
        try
        {
            dataset = arguments.Load();
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine(ex.Message);
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
        var methods = arguments.Methods ?? (reranker.IsConfigured ? RetrievalEvaluator.AllMethods : RetrievalEvaluator.BaseMethods);
        if (methods.Contains(RetrievalEvaluator.RerankMethod) && !reranker.IsConfigured)
        {
            Console.Error.WriteLine($"Method '{RetrievalEvaluator.RerankMethod}' needs {RerankOptions.Section}:Endpoint and :Model.");
            return 2;
        }

        var search = services.GetRequiredService<IOptions<SearchOptions>>().Value;
        var evaluator = new RetrievalEvaluator(services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), WordPieceTokenCounter.FromMiniLm(),
            search, services.GetRequiredService<IOptions<ChunkingOptions>>().Value, reranker);
        Console.WriteLine($"Evaluating {dataset.Name}: {dataset.Passages.Count} passages, {dataset.Questions.Count} questions, methods {string.Join(", ", methods)}");
        var report = await evaluator.RunAsync(dataset, methods, cancellationToken, arguments.Sweep ? FusionSweep.DefaultGrid(search) : null);
        EvalReportWriter.WriteMarkdown(report, Console.Out);
        if (arguments.JsonOutput is { } json) await EvalReportWriter.WriteJsonAsync(report, json, cancellationToken);
        return 0;
    }
}
