using System.Diagnostics;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Readers;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace Canopy.UnitTests.Ingestion;

/// <summary>Measurements for docs/benchmarks.md (printed, never asserted) plus the facts the chunk budget rests on.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class IngestionThroughputTests(MiniLmFixture model, ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Bundled_corpus_ingestion_throughput()
    {
        await model.Embeddings.GenerateAsync(["warm up the model"]);
        using var rag = new RagHarness(model);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcomes = await rag.IngestCorpusAsync();
        var elapsed = clock.Elapsed;
        // CPU time of this process (other tests may run alongside) shows the cost independent of machine load.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        var chunks = (await rag.Index.ListDocumentsAsync(CancellationToken.None)).Sum(d => d.ChunkCount);
        output.WriteLine($"corpus: {outcomes.Count} documents, {chunks} chunks in {elapsed.TotalSeconds:0.00} s = {chunks / elapsed.TotalSeconds:0.0} chunks/s, " +
                         $"{cpuSeconds:0.0} CPU s = {chunks / cpuSeconds:0.0} chunks per CPU second " +
                         $"(load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {Environment.ProcessorCount} cores)");
        Assert.All(outcomes, o => Assert.Equal(IngestionOutcome.Ingested, o));
        Assert.Equal(chunks, rag.Embeddings.TextsEmbedded);
    }

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Five_page_pdf_ingestion_stages()
    {
        await model.Embeddings.GenerateAsync(["warm up the model"]);
        using var rag = new RagHarness(model);
        var pdf = TestFiles.LecturePdf("Botany Lecture 7", 5, "The xylophone committee meets in the greenhouse on Thursdays.");
        var folder = new FolderSource("documents", rag.DataPath);

        var clock = Stopwatch.StartNew();
        var document = DocumentFiles.Read(folder, Path.Combine(rag.DataPath, "lecture.pdf"), pdf);
        var read = clock.Elapsed;
        var result = await rag.Ingestor.IngestAsync(document, null, CancellationToken.None);
        var total = clock.Elapsed;

        output.WriteLine($"5-page PDF: read {read.TotalMilliseconds:0} ms, chunk+embed+index {(total - read).TotalMilliseconds:0} ms, {result.Chunks} chunks " +
                         $"(load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        Assert.Equal(IngestionOutcome.Ingested, result.Outcome);
        Assert.Contains("xylophone", document.Body);
    }

    [Fact]
    public async Task MiniLm_reads_a_whole_256_token_chunk_and_cuts_text_far_beyond_it()
    {
        static string Words(int count) => string.Join(" ", Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "forest" : "canopy"));
        const string suffix = " quantum entanglement of photons";
        Assert.Equal(300, model.Tokens.Count(Words(300)));

        var embeddings = await model.Embeddings.GenerateAsync([Words(300) + suffix, Words(300), Words(600) + suffix, Words(600)]);

        // Words after 300 word-pieces still count, so a 256-token chunk is embedded whole; after 600 they are cut off.
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
        Assert.Equal(embeddings[2].Vector.ToArray(), embeddings[3].Vector.ToArray());
    }
}
