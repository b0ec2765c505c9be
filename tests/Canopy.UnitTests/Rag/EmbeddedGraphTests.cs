using System.Diagnostics.Metrics;
using Canopy.Rag;
using Canopy.Rag.VectorStore;
using Microsoft.Data.Sqlite;

namespace Canopy.UnitTests.Rag;

/// <summary>
/// The embedded index beyond its exact-search threshold: the HNSW graph answers as the exact scan would, never returns a
/// deleted chunk, filters inside the search, and survives restarts and crashes with SQLite as the source of truth.
/// </summary>
public sealed class EmbeddedGraphTests : IDisposable
{
    private readonly GraphLibrary _library = new();

    [Fact]
    public async Task Beyond_the_threshold_the_graph_finds_what_the_exact_scan_finds()
    {
        using var index = _library.Open(exactThreshold: 500);
        await _library.WriteAsync(index, 0, 40);
        Assert.Equal(("exact", 400), index.VectorState);
        await _library.WriteAsync(index, 40, 260);

        // Searches are complete at once: what was just written is found before the graph has taken it in.
        Assert.Equal("doc-299/4", GraphLibrary.KeyOf((await index.SearchVectorAsync(_library.Chunks["doc-299/4"].Vector, 5, new SearchFilter(), CancellationToken.None))[0]));
        Assert.Equal(("hnsw", 3000), index.VectorState);
        Assert.InRange(await RecallAsync(index, queries: 50), 0.95, 1.0);
        await index.FlushAsync(CancellationToken.None);
        Assert.InRange(await RecallAsync(index, queries: 50), 0.95, 1.0);
    }

    [Fact]
    public async Task A_deleted_document_is_never_returned_before_or_after_a_restart()
    {
        using (var index = _library.Open())
        {
            await _library.WriteAsync(index, 0, 80);
            var query = _library.Chunks["doc-7/3"].Vector;
            Assert.Equal("doc-7/3", GraphLibrary.KeyOf((await index.SearchVectorAsync(query, 10, new SearchFilter(), CancellationToken.None))[0]));

            await _library.DeleteAsync(index, 7);

            Assert.DoesNotContain(await index.SearchVectorAsync(query, 50, new SearchFilter(), CancellationToken.None), h => h.Chunk.DocumentId == "doc-7");
        }
        using var restarted = _library.Open();
        await restarted.InitializeAsync(CancellationToken.None);
        Assert.Equal(("hnsw", 790), restarted.VectorState);
        Assert.DoesNotContain(await restarted.SearchVectorAsync(_library.Query(), 800, new SearchFilter(), CancellationToken.None), h => h.Chunk.DocumentId == "doc-7");
    }

    [Fact]
    public async Task After_a_crash_the_saved_graph_is_brought_up_to_date_from_the_log()
    {
        // The first process saves its graph once, writes on, and dies without saving again.
        var crashed = _library.Open(exactThreshold: 500);
        await _library.WriteAsync(crashed, 0, 60);
        await crashed.FlushAsync(CancellationToken.None);
        var saved = Directory.GetFiles(_library.DataPath, "index.*.usearch").Single();
        await _library.WriteAsync(crashed, 60, 30);
        await _library.DeleteAsync(crashed, 3);
        await _library.WriteAsync(crashed, 10, 1);

        using var restarted = _library.Open(exactThreshold: 500);
        await restarted.InitializeAsync(CancellationToken.None);

        Assert.Equal(("hnsw", 890), restarted.VectorState);
        Assert.Equal(saved, Directory.GetFiles(_library.DataPath, "index.*.usearch").Single());
        Assert.Equal("doc-75/4", GraphLibrary.KeyOf((await restarted.SearchVectorAsync(_library.Chunks["doc-75/4"].Vector, 5, new SearchFilter(), CancellationToken.None))[0]));
        Assert.Equal("doc-10/2", GraphLibrary.KeyOf((await restarted.SearchVectorAsync(_library.Chunks["doc-10/2"].Vector, 5, new SearchFilter(), CancellationToken.None))[0]));
        Assert.InRange(await RecallAsync(restarted, queries: 30), 0.95, 1.0);
    }

    [Fact]
    public async Task A_restart_searches_the_mapped_graph_at_once_and_takes_writes_once_it_is_loaded()
    {
        var crashed = _library.Open(exactThreshold: 500);
        await _library.WriteAsync(crashed, 0, 60);
        await crashed.FlushAsync(CancellationToken.None);
        await _library.DeleteAsync(crashed, 7);

        using var restarted = _library.Open(exactThreshold: 500);
        await restarted.InitializeAsync(CancellationToken.None);
        // The removal replayed from the log is left out of searches of the mapped graph, which cannot take it.
        var first = await restarted.SearchVectorAsync(_library.Chunks["doc-47/1"].Vector, 600, new SearchFilter(), CancellationToken.None);
        await _library.WriteAsync(restarted, 60, 5);
        await _library.DeleteAsync(restarted, 8);
        await restarted.FlushAsync(CancellationToken.None);
        var after = await restarted.SearchVectorAsync(_library.Chunks["doc-62/3"].Vector, 5, new SearchFilter(), CancellationToken.None);

        Assert.DoesNotContain(first, h => h.Chunk.DocumentId == "doc-7");
        Assert.Equal(590, first.Count);
        Assert.Equal(("hnsw", 630), restarted.VectorState);
        Assert.Equal("doc-62/3", GraphLibrary.KeyOf(after[0]));
        Assert.DoesNotContain(await restarted.SearchVectorAsync(_library.Query(), 630, new SearchFilter(), CancellationToken.None), h => h.Chunk.DocumentId is "doc-7" or "doc-8");
        Assert.InRange(await RecallAsync(restarted, queries: 30), 0.95, 1.0);
    }

    [Fact]
    public async Task A_restart_with_nothing_to_replay_searches_the_mapped_graph_until_the_first_write()
    {
        using (var first = _library.Open(exactThreshold: 500))
        {
            await _library.WriteAsync(first, 0, 60);
            await first.FlushAsync(CancellationToken.None);
        }

        using var restarted = _library.Open(exactThreshold: 500);
        await restarted.InitializeAsync(CancellationToken.None);
        var recall = await RecallAsync(restarted, queries: 30);
        var mappedAfterSearches = restarted.SearchesMappedGraph;
        await _library.WriteAsync(restarted, 60, 5);
        await restarted.FlushAsync(CancellationToken.None);

        Assert.True(mappedAfterSearches);
        Assert.InRange(recall, 0.95, 1.0);
        Assert.False(restarted.SearchesMappedGraph);
        Assert.Equal(("hnsw", 650), restarted.VectorState);
        Assert.Equal("doc-62/3", GraphLibrary.KeyOf((await restarted.SearchVectorAsync(_library.Chunks["doc-62/3"].Vector, 5, new SearchFilter(), CancellationToken.None))[0]));
    }

    [Fact]
    public async Task Writes_wait_for_a_pause_before_the_graph_takes_them_and_searches_find_them_meanwhile()
    {
        using var index = _library.Open(exactThreshold: 500, graphQuietPeriod: TimeSpan.FromHours(1));
        await _library.WriteAsync(index, 0, 60);
        await index.FlushAsync(CancellationToken.None);
        await _library.WriteAsync(index, 60, 5);
        await _library.DeleteAsync(index, 3);

        var found = await index.SearchVectorAsync(_library.Chunks["doc-62/3"].Vector, 5, new SearchFilter(), CancellationToken.None);
        var waiting = index.GraphBacklog;
        var gauged = new List<int>();
        using (var meters = new MeterListener())
        {
            meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RagTelemetry.MeterName && instrument.Name == RagTelemetry.GraphBacklogGauge) listener.EnableMeasurementEvents(instrument);
            };
            meters.SetMeasurementEventCallback<int>((_, value, _, _) => { lock (gauged) gauged.Add(value); });
            meters.Start();
            meters.RecordObservableInstruments();
        }
        await index.FlushAsync(CancellationToken.None);

        // 50 vectors written and 10 removals, none taken by the graph within the quiet period; the flush takes them all.
        Assert.Equal(60, waiting);
        Assert.Contains(60, gauged);
        Assert.Equal("doc-62/3", GraphLibrary.KeyOf(found[0]));
        Assert.Equal(0, index.GraphBacklog);
        Assert.Equal(("hnsw", 640), index.VectorState);
        Assert.DoesNotContain(await index.SearchVectorAsync(_library.Query(), 640, new SearchFilter(), CancellationToken.None), h => h.Chunk.DocumentId == "doc-3");
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("missing")]
    public async Task A_damaged_or_missing_graph_is_rebuilt_from_sqlite(string fault)
    {
        using (var index = _library.Open())
            await _library.WriteAsync(index, 0, 70);
        var graph = Directory.GetFiles(_library.DataPath, "index.*.usearch").Single();
        if (fault == "missing") File.Delete(graph);
        else await File.WriteAllBytesAsync(graph, new byte[4096]);

        using var reopened = _library.Open();
        await reopened.InitializeAsync(CancellationToken.None);

        Assert.Equal(("hnsw", 700), reopened.VectorState);
        Assert.InRange(await RecallAsync(reopened, queries: 30), 0.95, 1.0);
        Assert.Single(Directory.GetFiles(_library.DataPath, "index.*.usearch"));
    }

    [Fact]
    public async Task Filters_are_applied_inside_the_graph_search()
    {
        using var index = _library.Open();
        // 470 documents: 460 in a large course (searched by the graph) and 10 in a small one (scanned exactly).
        await _library.WriteAsync(index, 0, 470, d => d % 47 == 0 ? "SMALL-1" : "BIG-1");
        var query = _library.Query();

        var small = await index.SearchVectorAsync(query, 10, new SearchFilter(Courses: ["small-1"]), CancellationToken.None);
        var big = await index.SearchVectorAsync(query, 10, new SearchFilter(Courses: ["BIG-1"]), CancellationToken.None);
        var named = await index.SearchVectorAsync(query, 10, new SearchFilter(DocumentIds: ["doc-5", "doc-6"]), CancellationToken.None);

        // A filter this narrow is scanned exactly (over the graph's half-precision vectors, so near ties may swap).
        Assert.InRange(small.Select(GraphLibrary.KeyOf).Intersect(_library.Exact(query, 10, c => c == "SMALL-1")).Count(), 9, 10);
        Assert.All(small, h => Assert.Equal("SMALL-1", h.Chunk.Course));
        Assert.InRange(big.Select(GraphLibrary.KeyOf).Intersect(_library.Exact(query, 10, c => c == "BIG-1")).Count(), 9, 10);
        Assert.All(big, h => Assert.Equal("BIG-1", h.Chunk.Course));
        Assert.Equal(10, named.Count);
        Assert.All(named, h => Assert.Contains(h.Chunk.DocumentId, new[] { "doc-5", "doc-6" }));
    }

    [Fact]
    public async Task Keyword_search_applies_the_filter_inside_the_query()
    {
        using var index = _library.Open();
        await _library.WriteAsync(index, 0, 30, d => d < 29 ? "BIG-1" : "SMALL-1");

        var hits = await index.SearchKeywordsAsync("paragraph document topic", 5, new SearchFilter(Courses: ["small-1"]), CancellationToken.None);

        Assert.Equal(5, hits.Count);
        Assert.All(hits, h => Assert.Equal("doc-29", h.Chunk.DocumentId));
    }

    [Fact]
    public async Task In_a_large_index_keyword_search_leaves_out_words_that_most_chunks_contain()
    {
        using var index = _library.Open(keywordSelectionFrom: 100);
        await _library.WriteAsync(index, 0, 80);

        var selected = await index.SearchKeywordsAsync("paragraph document topic7 topic9", 50, new SearchFilter(), CancellationToken.None);
        var twoTerms = await index.SearchKeywordsAsync("paragraph topic7", 50, new SearchFilter(), CancellationToken.None);

        // Every chunk says "paragraph" and "document": only the two topics' 40 chunks are left to rank.
        Assert.Equal(40, selected.Count);
        Assert.All(selected, h => Assert.Contains(h.Chunk.DocumentId, new[] { "doc-7", "doc-47", "doc-9", "doc-49" }));
        Assert.Equal(50, twoTerms.Count);
        Assert.All(twoTerms.Take(20), h => Assert.Contains(h.Chunk.DocumentId, new[] { "doc-7", "doc-47" }));
    }

    [Fact]
    public async Task In_a_large_index_keyword_search_keeps_the_rarest_words_within_its_budget_of_postings()
    {
        // 800 chunks and a budget of 5%: 40 postings, the two topics' 20 chunks each; a third topic would exceed it.
        using var index = _library.Open(keywordSelectionFrom: 100, keywordPostingsShare: 0.05);
        await _library.WriteAsync(index, 0, 80);

        var hits = await index.SearchKeywordsAsync("topic7 topic9 topic11 paragraph", 50, new SearchFilter(), CancellationToken.None);

        Assert.Equal(40, hits.Count);
        Assert.All(hits, h => Assert.Contains(h.Chunk.DocumentId, new[] { "doc-7", "doc-47", "doc-9", "doc-49" }));
    }

    [Fact]
    public async Task A_result_shows_its_document_as_last_written()
    {
        using var index = _library.Open();
        await _library.WriteAsync(index, 0, 3);
        var before = await index.SearchKeywordsAsync("topic1", 5, new SearchFilter(), CancellationToken.None);
        var chunk = new IndexedChunk("doc-1-0", "doc-1", "Renamed", "documents/renamed.md", "BIO-200", 0, "Renamed", "Paragraph 0 about topic1.", _library.Query());

        await index.ReplaceDocumentAsync(
            new IndexedDocument("doc-1", "Renamed", "documents/renamed.md", "BIO-200", "text", "hash-renamed", 1, DateTimeOffset.UtcNow), [chunk], CancellationToken.None);
        var after = await index.SearchKeywordsAsync("topic1", 5, new SearchFilter(), CancellationToken.None);

        Assert.All(before, h => Assert.Equal(("Document 1", "documents/doc-1.md", "GEN-100"), (h.Chunk.DocumentTitle, h.Chunk.Source, h.Chunk.Course)));
        var renamed = Assert.Single(after);
        Assert.Equal(("Renamed", "documents/renamed.md", "BIO-200"), (renamed.Chunk.DocumentTitle, renamed.Chunk.Source, renamed.Chunk.Course));
    }

    [Fact]
    public async Task Removing_much_of_the_index_compacts_the_graph_and_keeps_every_answer()
    {
        using (var index = _library.Open(compactAfter: 0.25))
        {
            await _library.WriteAsync(index, 0, 80);
            await index.FlushAsync(CancellationToken.None);
            var built = Directory.GetFiles(_library.DataPath, "index.*.usearch").Single();
            for (var d = 0; d < 25; d++) await _library.DeleteAsync(index, d);
            await index.FlushAsync(CancellationToken.None);

            // The compacted graph was saved in place of the one saved before the deletions.
            Assert.NotEqual(built, Directory.GetFiles(_library.DataPath, "index.*.usearch").Single());
            Assert.Equal(("hnsw", 550), index.VectorState);
            Assert.InRange(await RecallAsync(index, queries: 30), 0.95, 1.0);
        }
        using var restarted = _library.Open();
        Assert.InRange(await RecallAsync(restarted, queries: 30), 0.95, 1.0);
    }

    [Fact]
    public async Task An_index_written_before_chunk_keys_is_migrated_when_opened()
    {
        var path = Path.Combine(_library.DataPath, "index.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL, course TEXT NULL, kind TEXT NULL,
                    content_hash TEXT NOT NULL, chunk_count INTEGER NOT NULL, indexed_at TEXT NOT NULL);
                CREATE TABLE chunks (id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL, heading_path TEXT NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);
                CREATE VIRTUAL TABLE chunks_fts USING fts5(chunk_id UNINDEXED, title, heading_path, text, tokenize = 'porter unicode61');
                INSERT INTO documents VALUES ('old', 'Old notes', 'documents/old.md', 'GEN-100', 'text', 'h', 1, '2026-01-01T00:00:00+00:00');
                INSERT INTO chunks VALUES ('old-0', 'old', 0, 'Old notes', 'Photosynthesis happens in chloroplasts.', $vector);
                INSERT INTO chunks_fts VALUES ('old-0', 'Old notes', 'Old notes', 'Photosynthesis happens in chloroplasts.');
                """;
            var vector = new float[GraphLibrary.Dimensions];
            vector[0] = 1;
            command.Parameters.AddWithValue("$vector", System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray());
            await command.ExecuteNonQueryAsync();
        }

        using var index = _library.Open();
        var keyword = await index.SearchKeywordsAsync("chloroplasts", 5, new SearchFilter(), CancellationToken.None);
        var unit = new float[GraphLibrary.Dimensions];
        unit[0] = 1;
        var vectorHits = await index.SearchVectorAsync(unit, 5, new SearchFilter(), CancellationToken.None);
        await _library.WriteAsync(index, 0, 1);
        Assert.True(await index.DeleteDocumentAsync("old", CancellationToken.None));

        Assert.Equal("old-0", Assert.Single(keyword).Chunk.Id);
        Assert.Equal("old-0", Assert.Single(vectorHits).Chunk.Id);
        Assert.Equal(("exact", 10), index.VectorState);
        Assert.Empty(await index.SearchKeywordsAsync("chloroplasts", 5, new SearchFilter(), CancellationToken.None));
    }

    private async Task<double> RecallAsync(SqliteVectorIndex index, int queries)
    {
        var found = 0;
        for (var i = 0; i < queries; i++)
        {
            var query = _library.Query();
            var hits = await index.SearchVectorAsync(query, 10, new SearchFilter(), CancellationToken.None);
            found += hits.Select(GraphLibrary.KeyOf).Intersect(_library.Exact(query, 10)).Count();
        }
        return found / (10.0 * queries);
    }

    public void Dispose() => _library.Dispose();
}
