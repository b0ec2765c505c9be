using Canopy.Rag.Embeddings;
using Canopy.Rag.Ingestion;
using Canopy.Embeddings;

namespace Canopy.TestUtilities.Rag;

/// <summary>One real all-MiniLM-L6-v2 model and tokenizer shared by the retrieval tests (loading takes about a second).</summary>
public sealed class MiniLmFixture : IDisposable
{
    private readonly SemaphoreSlim _corpusLock = new(1, 1);
    private RagHarness? _corpus;

    public MiniLmEmbeddingGenerator Embeddings { get; } = new();
    public WordPieceTokenCounter Tokens { get; } = WordPieceTokenCounter.FromMiniLm();

    /// <summary>The bundled corpus ingested once (embedding it takes seconds), for tests that only read.</summary>
    public IReadOnlyList<IngestionOutcome> CorpusOutcomes { get; private set; } = [];

    public async Task<RagHarness> CorpusAsync()
    {
        await _corpusLock.WaitAsync();
        try
        {
            if (_corpus is null)
            {
                var harness = new RagHarness(this);
                CorpusOutcomes = await harness.IngestCorpusAsync();
                _corpus = harness;
            }
            return _corpus;
        }
        finally
        {
            _corpusLock.Release();
        }
    }

    public void Dispose()
    {
        _corpus?.Dispose();
        Embeddings.Dispose();
    }
}
