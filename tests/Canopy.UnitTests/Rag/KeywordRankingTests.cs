using Canopy.Rag.VectorStore;
using Canopy.TestUtilities.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Rag;

/// <summary>
/// Keyword ranking at scale (postings read through FTS5's vocabulary, chunk lengths in memory) against FTS5's own bm25()
/// on the same words: the same chunks with the same scores, after writes and deletes, filtered or not.
/// </summary>
public sealed class KeywordRankingTests : IDisposable
{
    // Words by a Zipf-like law, with stems shared ("study", "studies", "studying") so that two query words can be one term.
    private static readonly string[] Vocabulary =
    [
        .. new[] { "study", "studies", "studying", "run", "running", "runs", "photosynthesis", "entanglement", "syllabus", "exam" },
        .. Enumerable.Range(0, 190).Select(i => $"w{i:D3}x"),
    ];

    private readonly string _dataPath = TestDirectory.Create("canopy-bm25-");
    private readonly Random _random = new(11);

    [Fact]
    public async Task Ranking_from_postings_gives_the_chunks_and_scores_of_fts5_bm25()
    {
        using var index = Open();
        await WriteAsync(index, 0, 60);

        await AssertSameAsFts5Async(index, queries: 40);
        await AssertSameAsFts5Async(index, queries: 20, new SearchFilter(Courses: ["c1"]));
    }

    [Fact]
    public async Task Ranking_stays_that_of_fts5_after_writes_and_deletes_and_never_returns_a_deleted_chunk()
    {
        using var index = Open();
        await WriteAsync(index, 0, 40);
        await index.FlushAsync(CancellationToken.None);
        await AssertSameAsFts5Async(index, queries: 5);

        for (var d = 0; d < 40; d += 3) Assert.True(await index.DeleteDocumentAsync($"doc-{d}", CancellationToken.None));
        await WriteAsync(index, 40, 15);

        await AssertSameAsFts5Async(index, queries: 30);
        var hits = await index.SearchKeywordsAsync("photosynthesis entanglement syllabus exam", 200, new SearchFilter(), CancellationToken.None);
        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => int.Parse(h.Chunk.DocumentId[4..]) is var d && d < 40 && d % 3 == 0);
    }

    [Fact]
    public async Task Flushing_merges_the_keyword_index_into_one_segment_and_keeps_every_answer()
    {
        IReadOnlyList<ScoredChunk> before;
        // Below the selection threshold nothing is merged: the index stays in the segments its writes left.
        using (var small = Open(selectiveFrom: 1_000_000))
        {
            await WriteAsync(small, 0, 60);
            before = await small.SearchKeywordsAsync("entanglement exam w003x", 500, new SearchFilter(), CancellationToken.None);
            Assert.True(await SegmentsAsync(small) > 1);
        }

        using var index = Open();
        await index.InitializeAsync(CancellationToken.None);
        await index.FlushAsync(CancellationToken.None);

        Assert.Equal(1, await SegmentsAsync(index));
        var after = await index.SearchKeywordsAsync("entanglement exam w003x", 500, new SearchFilter(), CancellationToken.None);
        Assert.Equal(before.Select(h => Math.Round(h.Score, 9)), after.Select(h => Math.Round(h.Score, 9)));
        Assert.Equal(before.Select(h => h.Chunk.Id).Order(), after.Select(h => h.Chunk.Id).Order());
    }

    [Fact]
    public async Task Merges_between_many_writes_keep_the_keyword_index_within_fts5s_levels_and_segments()
    {
        using var index = Open();
        // Writes one document at a time with merges due after each tenth of growth, a bulk flush now and then, and
        // searches: each whole-index merge begun lifts the segments one level, and FTS5 fails every write past 64 levels
        // or 2,000 segments, so levels must grow with the flushes, not with the steps of each merge.
        for (var round = 0; round < 6; round++)
        {
            await WriteAsync(index, round * 80, 80);
            await index.SearchKeywordsAsync("entanglement exam", 5, new SearchFilter(), CancellationToken.None);
            if (round % 2 == 1) await index.FlushAsync(CancellationToken.None);
        }
        await index.FlushAsync(CancellationToken.None);

        var structure = await StructureAsync(index);
        Assert.InRange(structure.Levels, 1, 24);
        Assert.False(structure.Merging);
        Assert.Equal(1, structure.Segments);
        await AssertSameAsFts5Async(index, queries: 5);
    }

    [Fact]
    public void The_structure_record_says_levels_segments_and_whether_a_merge_is_under_way()
    {
        // Cookie, 3 levels, 3 segments, write counter 9; level 0: no merge, 1 segment (id 5, pages 1-2); level 1: empty;
        // level 2: merging 2 of 2 segments.
        byte[] record = [0, 0, 0, 1, 3, 3, 9, 0, 1, 5, 1, 2, 0, 0, 2, 2, 6, 3, 4, 7, 5, 6];
        Assert.Equal(new Fts5Structure(3, 3, true), Fts5Structure.Parse(record));
        record[14] = 0;
        Assert.Equal(new Fts5Structure(3, 3, false), Fts5Structure.Parse(record));
    }

    [Fact]
    public void A_word_resolves_to_the_one_term_the_index_holds_it_as()
    {
        using var forms = new Fts5TermForms();

        Assert.Equal<string?>(["run", "studi", "photosynthesi", null], forms.Resolve(["running", "studies", "photosynthesis", "--"]));
        Assert.Equal<string?>(["run"], forms.Resolve(["runs"]));
    }

    // From 0 chunks on with a budget of every posting, every query word is ranked from its postings.
    private SqliteVectorIndex Open(int selectiveFrom = 0) =>
        new(Options.Create(new EmbeddedIndexOptions { DataPath = _dataPath, KeywordTermSelectionFrom = selectiveFrom, KeywordPostingsShare = 1.0 }),
            new HostingEnvironment { ContentRootPath = _dataPath, EnvironmentName = "Testing" }, NullLogger<SqliteVectorIndex>.Instance);

    private async Task AssertSameAsFts5Async(SqliteVectorIndex index, int queries, SearchFilter? filter = null)
    {
        filter ??= new SearchFilter();
        await using var connection = new SqliteConnection($"Data Source={index.DatabasePath}");
        await connection.OpenAsync();
        var chunks = await CountAsync(connection, "SELECT COUNT(*) FROM chunks");
        for (var q = 0; q < queries;)
        {
            var query = string.Join(' ', Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Word()));
            // Words beyond the budget (all of the index's postings) would be left out: such a query is another test's.
            var postings = 0L;
            foreach (var word in Fts5Query.Terms(query))
                postings += await CountAsync(connection, $"SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH '{Fts5Query.Match([word])}'");
            if (postings > chunks) continue;
            q++;
            var ours = await index.SearchKeywordsAsync(query, 15, filter, CancellationToken.None);
            var fts5 = await SqliteChunkReader.SearchFtsAsync(connection, Fts5Query.FromUserText(query)!, 15, filter, CancellationToken.None);

            Assert.Equal(fts5.Count, ours.Count);
            for (var i = 0; i < fts5.Count; i++) Assert.Equal(fts5[i].Score, ours[i].Score, 9);
            // Where no other chunk ties it, a chunk is at the same place.
            var keys = await KeysAsync(connection, ours.Select(h => h.Chunk.Id));
            for (var i = 0; i < fts5.Count; i++)
                if (fts5.Count(f => Math.Abs(f.Score - fts5[i].Score) < 1e-9) == 1) Assert.Equal(fts5[i].Key, keys[i]);
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<List<long>> KeysAsync(SqliteConnection connection, IEnumerable<string> ids)
    {
        var keys = new List<long>();
        foreach (var id in ids)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT key FROM chunks WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            keys.Add(Convert.ToInt64(await command.ExecuteScalarAsync()));
        }
        return keys;
    }

    private static async Task<Fts5Structure> StructureAsync(SqliteVectorIndex index)
    {
        await using var connection = new SqliteConnection($"Data Source={index.DatabasePath}");
        await connection.OpenAsync();
        return await Fts5Structure.ReadAsync(connection, null, CancellationToken.None);
    }

    private static async Task<long> SegmentsAsync(SqliteVectorIndex index)
    {
        await using var connection = new SqliteConnection($"Data Source={index.DatabasePath}");
        await connection.OpenAsync();
        return await Fts5Merger.SegmentsAsync(connection, CancellationToken.None);
    }

    // One document per write, as uploads come: each write leaves FTS5 a segment of its own.
    private async Task WriteAsync(SqliteVectorIndex index, int first, int count)
    {
        for (var d = first; d < first + count; d++)
        {
            var id = $"doc-{d}";
            var course = $"c{d % 3}";
            var title = $"{Word()} {Word()}";
            var chunks = Enumerable.Range(0, 1 + d % 4).Select(o => new IndexedChunk(
                $"{id}-{o}", id, title, $"docs/{id}.md", course, o, $"{title} > {Word()}",
                string.Join(' ', Enumerable.Range(0, _random.Next(3, 60)).Select(_ => Word())), Vector())).ToList();
            await index.ReplaceDocumentAsync(new IndexedDocument(id, title, $"docs/{id}.md", course, "text", $"h{d}", chunks.Count, DateTimeOffset.UtcNow),
                chunks, CancellationToken.None);
        }
    }

    private string Word() => Vocabulary[(int)(Vocabulary.Length * Math.Pow(_random.NextDouble(), 2.5))];

    private float[] Vector()
    {
        var vector = Enumerable.Range(0, 8).Select(_ => (float)_random.NextDouble() - 0.5f).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataPath, recursive: true); }
        catch (IOException) { }
    }
}
