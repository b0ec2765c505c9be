using Canopy.Contracts.Search;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;

namespace Canopy.UnitTests.Rag;

public sealed class RankingTests
{
    private static ScoredChunk Chunk(string id, double score) =>
        new(new IndexedChunk(id, "doc", "Doc", "corpus/doc.md", null, 0, "Doc", id, ReadOnlyMemory<float>.Empty), score);

    [Fact]
    public void Fusion_rewards_chunks_found_by_both_retrievers()
    {
        IReadOnlyList<ScoredChunk> vector = [Chunk("a", .9), Chunk("b", .8), Chunk("c", .7)];
        IReadOnlyList<ScoredChunk> keyword = [Chunk("c", 12), Chunk("d", 10), Chunk("b", 3)];

        var fused = ReciprocalRankFusion.Fuse(60, vector, keyword);

        Assert.Equal(["c", "b", "a", "d"], fused.Select(f => f.Chunk.Id));
        Assert.Equal(1.0 / 63 + 1.0 / 61, fused[0].Score, 10);
    }

    [Fact]
    public void Fusion_of_one_list_keeps_its_order()
    {
        IReadOnlyList<ScoredChunk> only = [Chunk("x", 3), Chunk("y", 2), Chunk("z", 1)];
        Assert.Equal(["x", "y", "z"], ReciprocalRankFusion.Fuse(60, only, []).Select(f => f.Chunk.Id));
    }

    [Theory]
    [InlineData("Explain quantum entanglement", "\"quantum\" OR \"entanglement\"")]
    [InlineData("What is the \"CHSH\" bound? (NEAR*)", "\"chsh\" OR \"bound\" OR \"near\"")]
    [InlineData("what is the", null)]
    public void Keyword_queries_are_quoted_terms_without_stop_words(string text, string? expected) =>
        Assert.Equal(expected, Fts5Query.FromUserText(text));

    [Theory]
    [InlineData(null, null, "query")]
    [InlineData("   ", null, "query")]
    [InlineData("ok", 0, "topK")]
    [InlineData("ok", 51, "topK")]
    public void Invalid_search_requests_name_the_bad_field(string? query, int? topK, string field) =>
        Assert.Contains(field, SearchEndpoints.Validate(new SearchRequest(query, topK)).Keys);
}
