using Canopy.Rag.Embeddings;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;
using Canopy.TestUtilities.Files;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.TestUtilities.Rag;

/// <summary>The real embedded index, ingestor and search over a temporary data directory, with the real MiniLM model.</summary>
public sealed class RagHarness : IDisposable
{
    public RagHarness(MiniLmFixture model, string? dataPath = null, ChunkingOptions? chunking = null)
    {
        _ownsDataPath = dataPath is null;
        DataPath = dataPath ?? TestDirectory.Create("canopy-index-");
        Embeddings = new CountingEmbeddingGenerator(model.Embeddings);
        IHostEnvironment environment = new HostingEnvironment { ContentRootPath = DataPath, EnvironmentName = "Testing" };
        Index = new SqliteVectorIndex(Options.Create(new EmbeddedIndexOptions { DataPath = DataPath }), environment, NullLogger<SqliteVectorIndex>.Instance);
        var chunker = new MarkdownChunker(model.Tokens, chunking ?? new ChunkingOptions());
        Ingestor = new DocumentIngestor(Index, Embeddings, chunker, Options.Create(new IngestionOptions()), NullLogger<DocumentIngestor>.Instance);
        Search = new SearchService(Index, Embeddings, Options.Create(new SearchOptions()), reranker: null);
    }

    private readonly bool _ownsDataPath;

    public string DataPath { get; }
    public CountingEmbeddingGenerator Embeddings { get; }
    public SqliteVectorIndex Index { get; }
    public DocumentIngestor Ingestor { get; }
    public SearchService Search { get; }

    public static FolderSource Corpus => new("corpus", Path.Combine(AppContext.BaseDirectory, "Corpus"));

    public async Task<List<IngestionOutcome>> IngestCorpusAsync()
    {
        var outcomes = new List<IngestionOutcome>();
        foreach (var file in Corpus.Files())
            outcomes.Add(await Ingestor.IngestAsync(await StartupIngestionService.ReadAsync(Corpus, file, CancellationToken.None), CancellationToken.None));
        return outcomes;
    }

    public void Dispose()
    {
        Index.Dispose();
        if (_ownsDataPath) Directory.Delete(DataPath, recursive: true);
    }
}

/// <summary>Counts the texts sent to the model, to prove unchanged documents are not embedded again.</summary>
public sealed class CountingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private int _texts;

    public int TextsEmbedded => _texts;

    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        Interlocked.Add(ref _texts, list.Count);
        return base.GenerateAsync(list, options, cancellationToken);
    }

    // The inner model is shared by the whole test collection.
    protected override void Dispose(bool disposing)
    {
    }
}
