using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Search;

/// <summary>Merges the vector and BM25 candidate lists into one ranking, by the method the options name.</summary>
public static class HybridFusion
{
    public static IReadOnlyList<(IndexedChunk Chunk, double Score)> Fuse(SearchOptions options, IReadOnlyList<ScoredChunk> vector, IReadOnlyList<ScoredChunk> keyword)
    {
        var lists = FusedCandidates.Of([vector, keyword]);
        return FusedCandidates.AsChunks(Fuse(options, lists[0], lists[1]));
    }

    public static IReadOnlyList<Candidate> Fuse(SearchOptions options, IReadOnlyList<Candidate> vector, IReadOnlyList<Candidate> keyword) =>
        options.Fusion == "rrf"
            ? ReciprocalRankFusion.Fuse(options.FusionK, [vector, keyword], [options.VectorWeight, options.KeywordWeight])
            : LinearFusion.Fuse([vector, keyword], [options.VectorWeight, options.KeywordWeight]);
}
