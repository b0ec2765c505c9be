using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Search;

/// <summary>What the fusion methods share: summing contributions per chunk, the final order, and whole-chunk lists.</summary>
internal static class FusedCandidates
{
    public static void Add(Dictionary<string, Candidate> scores, Candidate candidate, double contribution) =>
        scores[candidate.Ref] = scores.TryGetValue(candidate.Ref, out var existing)
            ? existing with { Score = existing.Score + contribution, Chunk = existing.Chunk ?? candidate.Chunk }
            : candidate with { Score = contribution };

    // Ties go by ref, so that the order never depends on which list came first.
    public static IReadOnlyList<Candidate> Ranked(Dictionary<string, Candidate> scores) =>
        [.. scores.Values.OrderByDescending(s => s.Score).ThenBy(s => s.Ref, StringComparer.Ordinal)];

    public static IReadOnlyList<IReadOnlyList<Candidate>> Of(IReadOnlyList<IReadOnlyList<ScoredChunk>> lists) =>
        [.. lists.Select(list => (IReadOnlyList<Candidate>)[.. list.Select(s => new Candidate(s.Chunk.Id, s.Score, s.Chunk))])];

    public static IReadOnlyList<(IndexedChunk Chunk, double Score)> AsChunks(IReadOnlyList<Candidate> fused) =>
        [.. fused.Select(c => (c.Chunk!, c.Score))];
}
