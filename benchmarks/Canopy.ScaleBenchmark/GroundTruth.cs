using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Canopy.Rag.VectorStore;
using Microsoft.Data.Sqlite;

namespace Canopy.ScaleBenchmark;

/// <summary>Exact top 10 of every query by one pass over the vectors in SQLite (no copy of them held in memory).</summary>
internal static class GroundTruth
{
    public static async Task<double> RecallAsync(string databasePath, IReadOnlyList<float[]> queries, IReadOnlyList<IReadOnlyList<ScoredChunk>> found, CancellationToken cancellationToken)
    {
        var best = queries.Select(_ => new List<(float Score, string Id)>(11)).ToList();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, vector FROM chunks";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(1));
            for (var q = 0; q < queries.Count; q++)
            {
                var score = TensorPrimitives.Dot(queries[q], vector);
                var top = best[q];
                if (top.Count == 10 && score <= top[^1].Score) continue;
                var at = top.FindIndex(t => t.Score < score);
                top.Insert(at < 0 ? top.Count : at, (score, reader.GetString(0)));
                if (top.Count > 10) top.RemoveAt(10);
            }
        }
        var hits = 0;
        for (var q = 0; q < queries.Count; q++)
            hits += found[q].Select(h => h.Chunk.Id).Intersect(best[q].Select(t => t.Id)).Count();
        return hits / (10.0 * queries.Count);
    }
}
