using System.Diagnostics;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Search;
using Canopy.Rag.Search.Rerank;
using Canopy.Rag.VectorStore;
using Canopy.Retrieval.Tool.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.Retrieval.Tool.Evaluation;

/// <summary>
/// Indexes a dataset's passages into a fresh temporary index with the normal chunker and ingestor, asks every question
/// with each method, and scores where the question's passage first appears (any of its chunks counts).
/// Only the <c>rerank</c> method uses <paramref name="reranker"/>; the others score the fused order.
/// </summary>
public sealed class RetrievalEvaluator(
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    WordPieceTokenCounter tokens,
    SearchOptions search,
    ChunkingOptions chunking,
    ResultReranker? reranker)
{
    public const string RerankMethod = "rerank";

    public static readonly string[] BaseMethods = ["vector", "keyword", "hybrid"];

    public static readonly string[] AllMethods = [.. BaseMethods, RerankMethod];

    public async Task<EvalReport> RunAsync(
        EvalDataset dataset, IReadOnlyList<string> methods, CancellationToken cancellationToken, IReadOnlyList<SearchOptions>? sweep = null)
    {
        var dataPath = Directory.CreateTempSubdirectory("canopy-eval-").FullName;
        var cache = new QueryVectorCache(embeddings);
        var environment = new HostingEnvironment { ContentRootPath = dataPath, EnvironmentName = "Evaluation" };
        var index = new SqliteVectorIndex(Options.Create(new EmbeddedIndexOptions { DataPath = dataPath }), environment, NullLogger<SqliteVectorIndex>.Instance);
        try
        {
            await index.InitializeAsync(cancellationToken);
            var indexing = await CostAsync(async () => await IndexAsync(dataset, index, cache, cancellationToken));
            var queryEmbedding = await CostAsync(async () => { await cache.PrimeAsync(dataset.Questions.Select(q => q.Text), cancellationToken); return 0; });

            var results = new List<MethodResult>();
            foreach (var method in methods)
                results.Add(await EvaluateAsync(dataset, method, index, cache, cancellationToken));
            if (sweep is { Count: > 0 }) results.AddRange(await FusionSweep.RunAsync(dataset, index, cache, sweep, cancellationToken));
            var model = embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";
            return new EvalReport(dataset.Name, dataset.Passages.Count, indexing.Result, dataset.Questions.Count, model,
                indexing.Cost, queryEmbedding.Cost, results);
        }
        finally
        {
            index.Dispose();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    // CPU time next to wall time: on a shared machine the wall clock also measures the neighbours.
    private static async Task<(T Result, Cost Cost)> CostAsync<T>(Func<Task<T>> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var result = await work();
        process.Refresh();
        return (result, new Cost(Stopwatch.GetElapsedTime(started).TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
    }

    private async Task<int> IndexAsync(EvalDataset dataset, SqliteVectorIndex index, QueryVectorCache cache, CancellationToken cancellationToken)
    {
        var chunker = new MarkdownChunker(tokens, chunking);
        var documents = dataset.Passages.Select(p => new SourceDocument(p.Id, p.Title, $"{dataset.Name}/{p.Id}", null, null, p.Body, p.Id)).ToList();
        // One large batch embeds far faster than a call per passage; the ingestor then finds every chunk's vector ready.
        await cache.PrimeAsync(documents.SelectMany(d => chunker.Chunk(d.Title, d.Body)).Select(c => c.EmbeddingText), cancellationToken);
        var ingestor = new DocumentIngestor(index, cache, chunker, Options.Create(new IngestionOptions()), NullLogger<DocumentIngestor>.Instance);
        foreach (var document in documents)
        {
            if (await ingestor.IngestAsync(document, cancellationToken) != IngestionOutcome.Ingested)
                throw new InvalidOperationException($"Passage {document.Id} could not be indexed.");
        }
        return (await index.ListDocumentsAsync(cancellationToken)).Sum(d => d.ChunkCount);
    }

    private async Task<MethodResult> EvaluateAsync(EvalDataset dataset, string method, SqliteVectorIndex index, QueryVectorCache cache, CancellationToken cancellationToken)
    {
        var useReranker = method == RerankMethod;
        var service = new SearchService(index, cache, Options.Create(search), useReranker ? reranker : null);
        var result = await ScoreAsync(service, dataset, useReranker ? "hybrid" : method, cancellationToken);
        return result with { Method = method };
    }

    /// <summary>Asks every question through <paramref name="service"/> and records where its passage first appears.</summary>
    public static async Task<MethodResult> ScoreAsync(SearchService service, EvalDataset dataset, string method, CancellationToken cancellationToken)
    {
        var ranks = new List<int?>(dataset.Questions.Count);
        var started = Stopwatch.GetTimestamp();
        foreach (var question in dataset.Questions)
        {
            var response = await service.SearchAsync(question.Text, EvalMetrics.Depth, new SearchFilter(), method, cancellationToken);
            ranks.Add(response.Results.FirstOrDefault(r => r.DocumentId == question.PassageId)?.Rank);
        }
        var perQuery = Stopwatch.GetElapsedTime(started).TotalMilliseconds / Math.Max(1, dataset.Questions.Count);
        return new MethodResult(method, EvalMetrics.From(ranks), perQuery, ranks);
    }
}
