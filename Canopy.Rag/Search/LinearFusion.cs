using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Search;

/// <summary>
/// Fuses scored lists by a weighted sum of scores scaled to [0, 1] within each list (min-max over its candidates);
/// unlike rank fusion it keeps how far ahead the best candidate is, which matters when one retriever is sure.
/// </summary>
public static class LinearFusion
{
    public static IReadOnlyList<(IndexedChunk Chunk, double Score)> Fuse(IReadOnlyList<IReadOnlyList<ScoredChunk>> lists, IReadOnlyList<double> weights) =>
        FusedCandidates.AsChunks(Fuse(FusedCandidates.Of(lists), weights));

    public static IReadOnlyList<Candidate> Fuse(IReadOnlyList<IReadOnlyList<Candidate>> lists, IReadOnlyList<double> weights)
    {
        var scores = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        for (var l = 0; l < lists.Count; l++)
        {
            var list = lists[l];
            if (list.Count == 0) continue;
            var max = list.Max(s => s.Score);
            var min = list.Min(s => s.Score);
            var range = max - min;
            // A single candidate (or a tie of all) is the list's best: it gets the full weight.
            foreach (var candidate in list)
                FusedCandidates.Add(scores, candidate, weights[l] * (range > 0 ? (candidate.Score - min) / range : 1.0));
        }
        return FusedCandidates.Ranked(scores);
    }
}
