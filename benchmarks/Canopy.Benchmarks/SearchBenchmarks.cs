using BenchmarkDotNet.Attributes;
using Canopy.Contracts.Search;
using Canopy.Rag.Embeddings;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Canopy.Embeddings;

namespace Canopy.Benchmarks;

/// <summary>One search over the bundled corpus (243 chunks), query embedding included, per retrieval method; vector is the baseline.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private readonly MiniLmEmbeddingGenerator _model = new();
    private SqliteVectorIndex _index = default!;
    private SearchService _search = default!;
    private string _dataPath = "";

    [Params("Explain quantum entanglement", "How many credits is the MSc Data Science?")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _dataPath = Directory.CreateTempSubdirectory("canopy-bench-").FullName;
        IHostEnvironment environment = new HostingEnvironment { ContentRootPath = _dataPath, EnvironmentName = "Benchmark" };
        _index = new SqliteVectorIndex(Options.Create(new EmbeddedIndexOptions { DataPath = _dataPath }), environment, NullLogger<SqliteVectorIndex>.Instance);
        var chunker = new MarkdownChunker(WordPieceTokenCounter.FromMiniLm(), new ChunkingOptions());
        var ingestor = new DocumentIngestor(_index, _model, chunker, Options.Create(new IngestionOptions()), NullLogger<DocumentIngestor>.Instance);
        var corpus = new FolderSource("corpus", Path.Combine(AppContext.BaseDirectory, "Corpus"));
        foreach (var file in corpus.Files())
            await ingestor.IngestAsync(await StartupIngestionService.ReadAsync(corpus, file, CancellationToken.None), CancellationToken.None);
        _search = new SearchService(_index, _model, Options.Create(new SearchOptions()), reranker: null);
    }

    [Benchmark(Baseline = true)]
    public Task<SearchResponse> Vector() => _search.SearchAsync(Query, 5, new SearchFilter(), "vector", CancellationToken.None);

    [Benchmark]
    public Task<SearchResponse> Keyword() => _search.SearchAsync(Query, 5, new SearchFilter(), "keyword", CancellationToken.None);

    [Benchmark]
    public Task<SearchResponse> Hybrid() => _search.SearchAsync(Query, 5, new SearchFilter(), "hybrid", CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        _model.Dispose();
        Directory.Delete(_dataPath, recursive: true);
    }
}
