using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Search;

/// <summary>Fuses ranked lists: each chunk scores the sum of weight/(k + rank) over the lists that contain it.</summary>
public static class ReciprocalRankFusion
{
    public static IReadOnlyList<(IndexedChunk Chunk, double Score)> Fuse(int k, params IReadOnlyList<ScoredChunk>[] rankings) =>
        Fuse(k, rankings, [.. rankings.Select(_ => 1.0)]);

    public static IReadOnlyList<(IndexedChunk Chunk, double Score)> Fuse(int k, IReadOnlyList<IReadOnlyList<ScoredChunk>> rankings, IReadOnlyList<double> weights) =>
        FusedCandidates.AsChunks(Fuse(k, FusedCandidates.Of(rankings), weights));

    public static IReadOnlyList<Candidate> Fuse(int k, IReadOnlyList<IReadOnlyList<Candidate>> rankings, IReadOnlyList<double> weights)
    {
        var scores = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        for (var list = 0; list < rankings.Count; list++)
        {
            var ranking = rankings[list];
            for (var rank = 0; rank < ranking.Count; rank++)
                FusedCandidates.Add(scores, ranking[rank], weights[list] / (k + rank + 1));
        }
        return FusedCandidates.Ranked(scores);
    }
}
