using Canopy.TestUtilities.Files;
using System.Numerics.Tensors;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Rag;

/// <summary>
/// A library of synthetic documents (ten chunks each, vectors clustered around a few centres) written through the real
/// embedded index into a temporary folder; it remembers every vector so that tests can compute the exact answer.
/// </summary>
public sealed class GraphLibrary : IDisposable
{
    public const int Dimensions = 32;
    public const int ChunksPerDocument = 10;

    private readonly Random _random = new(7);
    private readonly float[][] _centers;

    public GraphLibrary()
    {
        _centers = [.. Enumerable.Range(0, 40).Select(_ => Normalised(Enumerable.Range(0, Dimensions).Select(_ => (float)_random.NextDouble() * 2 - 1)))];
    }

    public string DataPath { get; } = TestDirectory.Create("canopy-graph-");

    /// <summary>Every chunk's vector by key "document/ordinal", as written and not deleted since.</summary>
    public Dictionary<string, (string Course, float[] Vector)> Chunks { get; } = [];

    public SqliteVectorIndex Open(int exactThreshold = 500, int checkpointAfterChanges = 1_000_000, double compactAfter = 10.0, int keywordSelectionFrom = 20_000, double keywordPostingsShare = 0.02, TimeSpan? graphQuietPeriod = null) =>
        new(Options.Create(new EmbeddedIndexOptions
        {
            DataPath = DataPath,
            ExactSearchThreshold = exactThreshold,
            CheckpointAfterChanges = checkpointAfterChanges,
            CompactAfterRemovedFraction = compactAfter,
            KeywordTermSelectionFrom = keywordSelectionFrom,
            KeywordPostingsShare = keywordPostingsShare,
            GraphQuietPeriod = graphQuietPeriod ?? new EmbeddedIndexOptions().GraphQuietPeriod,
        }), new HostingEnvironment { ContentRootPath = DataPath, EnvironmentName = "Testing" }, NullLogger<SqliteVectorIndex>.Instance);

    public async Task WriteAsync(SqliteVectorIndex index, int first, int count, Func<int, string>? course = null)
    {
        for (var d = first; d < first + count; d++)
        {
            var id = $"doc-{d}";
            var documentCourse = course?.Invoke(d) ?? "GEN-100";
            var center = _centers[d % _centers.Length];
            var chunks = new List<IndexedChunk>();
            for (var o = 0; o < ChunksPerDocument; o++)
            {
                var vector = Near(center);
                Chunks[$"{id}/{o}"] = (documentCourse, vector);
                chunks.Add(new IndexedChunk($"{id}-{o}", id, $"Document {d}", $"documents/{id}.md", documentCourse, o, $"Document {d}",
                    $"Paragraph {o} of document {d} about topic{d % _centers.Length}.", vector));
            }
            await index.ReplaceDocumentAsync(
                new IndexedDocument(id, $"Document {d}", $"documents/{id}.md", documentCourse, "text", $"hash-{d}", chunks.Count, DateTimeOffset.UtcNow),
                chunks, CancellationToken.None);
        }
    }

    public async Task DeleteAsync(SqliteVectorIndex index, int document)
    {
        Assert.True(await index.DeleteDocumentAsync($"doc-{document}", CancellationToken.None));
        foreach (var key in Chunks.Keys.Where(k => k.StartsWith($"doc-{document}/", StringComparison.Ordinal)).ToList()) Chunks.Remove(key);
    }

    public float[] Query() => Near(_centers[_random.Next(_centers.Length)]);

    /// <summary>The exact top k documents/ordinals by cosine among the chunks whose course <paramref name="admit"/> accepts.</summary>
    public List<string> Exact(float[] query, int k, Func<string, bool>? admit = null) =>
        [.. Chunks.Where(c => admit?.Invoke(c.Value.Course) ?? true)
            .OrderByDescending(c => TensorPrimitives.Dot(query, c.Value.Vector)).Take(k).Select(c => c.Key)];

    public static string KeyOf(ScoredChunk hit) => $"{hit.Chunk.DocumentId}/{hit.Chunk.Ordinal}";

    private float[] Near(float[] center) =>
        Normalised(center.Select(v => v + ((float)_random.NextDouble() * 2 - 1) * 0.35f));

    private static float[] Normalised(IEnumerable<float> values)
    {
        var vector = values.ToArray();
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataPath, recursive: true); }
        catch (IOException) { }
    }
}
