using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Search;

/// <summary>
/// Fuses scored lists by a weighted sum of scores scaled to [0, 1] within each list (min-max over its candidates);
/// unlike rank fusion it keeps how far ahead the best candidate is, which matters when one retriever is sure.
/// </summary>
public static class LinearFusion
{
    public static IReadOnlyList<(IndexedChunk Chunk, double Score)> Fuse(IReadOnlyList<IReadOnlyList<ScoredChunk>> lists, IReadOnlyList<double> weights)
    {
        var scores = new Dictionary<string, (IndexedChunk Chunk, double Score)>(StringComparer.Ordinal);
        for (var l = 0; l < lists.Count; l++)
        {
            var list = lists[l];
            if (list.Count == 0) continue;
            var max = list.Max(s => s.Score);
            var min = list.Min(s => s.Score);
            var range = max - min;
            foreach (var scored in list)
            {
                // A single candidate (or a tie of all) is the list's best: it gets the full weight.
                var normalised = range > 0 ? (scored.Score - min) / range : 1.0;
                var contribution = weights[l] * normalised;
                scores[scored.Chunk.Id] = scores.TryGetValue(scored.Chunk.Id, out var existing)
                    ? (existing.Chunk, existing.Score + contribution)
                    : (scored.Chunk, contribution);
            }
        }
        return [.. scores.Values.OrderByDescending(s => s.Score).ThenBy(s => s.Chunk.Id, StringComparer.Ordinal)];
    }
}
