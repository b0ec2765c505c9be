using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;

namespace Canopy.UnitTests.Retrieval;

public sealed class FusionTests
{
    private static ScoredChunk Chunk(string id, double score) =>
        new(new IndexedChunk(id, "doc-" + id, "Doc", "corpus/doc.md", null, 0, "Doc", id, ReadOnlyMemory<float>.Empty), score);

    [Fact]
    public void Linear_fusion_scales_each_list_to_zero_one_before_weighting()
    {
        IReadOnlyList<ScoredChunk> vector = [Chunk("a", 0.80), Chunk("b", 0.70), Chunk("c", 0.40)];
        IReadOnlyList<ScoredChunk> keyword = [Chunk("c", 30), Chunk("b", 20), Chunk("d", 10)];

        var fused = LinearFusion.Fuse([vector, keyword], [0.6, 0.4]);

        // b: 0.6 * 0.75 + 0.4 * 0.5 = 0.65; a: 0.6; c: 0.4; d: 0.
        Assert.Equal(["b", "a", "c", "d"], fused.Select(f => f.Chunk.Id));
        Assert.Equal(0.65, fused[0].Score, 10);
        Assert.Equal(0.0, fused[3].Score, 10);
    }

    [Fact]
    public void Linear_fusion_keeps_a_clear_vector_winner_that_rank_fusion_would_lose()
    {
        // The vector retriever is sure of "a"; BM25 scores it almost as high as its best, "b", but ranks it third.
        IReadOnlyList<ScoredChunk> vector = [Chunk("a", 0.90), Chunk("b", 0.50), Chunk("c", 0.45)];
        IReadOnlyList<ScoredChunk> keyword = [Chunk("b", 10.0), Chunk("d", 9.9), Chunk("a", 9.8), Chunk("e", 1.0)];

        Assert.Equal("a", LinearFusion.Fuse([vector, keyword], [0.5, 0.5])[0].Chunk.Id);
        Assert.Equal("b", ReciprocalRankFusion.Fuse(60, vector, keyword)[0].Chunk.Id);
    }

    [Fact]
    public void Weighted_rank_fusion_lets_the_heavier_list_decide_ties()
    {
        IReadOnlyList<ScoredChunk> vector = [Chunk("v", 0.9), Chunk("k", 0.1)];
        IReadOnlyList<ScoredChunk> keyword = [Chunk("k", 9), Chunk("v", 1)];

        Assert.Equal("v", ReciprocalRankFusion.Fuse(10, [vector, keyword], [2.0, 1.0])[0].Chunk.Id);
        Assert.Equal("k", ReciprocalRankFusion.Fuse(10, [vector, keyword], [1.0, 2.0])[0].Chunk.Id);
    }

    [Fact]
    public void A_list_with_one_candidate_or_equal_scores_gives_it_the_full_weight()
    {
        var fused = LinearFusion.Fuse([[Chunk("only", 0.3)], [Chunk("x", 5), Chunk("y", 5)]], [0.7, 0.3]);

        Assert.Equal(0.7, fused.Single(f => f.Chunk.Id == "only").Score, 10);
        Assert.Equal(0.3, fused.Single(f => f.Chunk.Id == "x").Score, 10);
    }

    [Theory]
    [InlineData("rrf")]
    [InlineData("linear")]
    public void Hybrid_fusion_uses_the_configured_method(string fusion)
    {
        IReadOnlyList<ScoredChunk> vector = [Chunk("a", 0.9), Chunk("b", 0.5)];
        IReadOnlyList<ScoredChunk> keyword = [Chunk("b", 3)];
        var options = new SearchOptions { Fusion = fusion, VectorWeight = 1, KeywordWeight = 1, FusionK = 60 };

        var fused = HybridFusion.Fuse(options, vector, keyword);

        Assert.Equal(fusion == "rrf" ? 1.0 / 62 + 1.0 / 61 : 1.0, fused.Single(f => f.Chunk.Id == "b").Score, 10);
    }
}
