using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Search;

/// <summary>Fuses ranked lists: each chunk scores the sum of 1/(k + rank) over the lists that contain it.</summary>
public static class ReciprocalRankFusion
{
    public static IReadOnlyList<(IndexedChunk Chunk, double Score)> Fuse(int k, params IReadOnlyList<ScoredChunk>[] rankings)
    {
        var scores = new Dictionary<string, (IndexedChunk Chunk, double Score)>(StringComparer.Ordinal);
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var chunk = ranking[rank].Chunk;
                var contribution = 1.0 / (k + rank + 1);
                scores[chunk.Id] = scores.TryGetValue(chunk.Id, out var existing)
                    ? (existing.Chunk, existing.Score + contribution)
                    : (chunk, contribution);
            }
        }
        return [.. scores.Values.OrderByDescending(s => s.Score).ThenBy(s => s.Chunk.Id, StringComparer.Ordinal)];
    }
}
