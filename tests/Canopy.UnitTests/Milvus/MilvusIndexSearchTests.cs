using Canopy.Rag.VectorStore;

namespace Canopy.UnitTests.Milvus;

/// <summary>Vector and keyword search requests and how their hits map to chunks.</summary>
public sealed class MilvusIndexSearchTests
{
    private const string SearchHits = """
        {"code":0,"cost":0,"data":[
          {"id":"c2","distance":0.91,"document_id":"doc-1","document_title":"Data Structures","source":"corpus/syllabus-cs-230.md",
           "course":"CS-230","ordinal":2,"heading_path":"Syllabus > Week 2","text":"Heaps and priority queues"},
          {"id":"c7","distance":0.42,"document_id":"doc-2","document_title":"Forest Ecology","source":"corpus/envs-120.md",
           "course":"","ordinal":"7","heading_path":"Intro","text":"Canopy layers"}]}
        """;

    [Fact]
    public async Task Vector_search_sends_the_documented_shape_and_maps_hits()
    {
        var handler = MilvusTestServer.Ready().On("entities/search", SearchHits);
        using var index = MilvusTestServer.Index(handler);
        var query = MilvusTestServer.Vector(3);

        var hits = await index.SearchVectorAsync(query, 10, new SearchFilter(["CS-230"], ["doc-1", "doc-2"]), CancellationToken.None);

        var body = Assert.Single(handler.For("entities/search")).Body;
        Assert.Equal("canopy_chunks", (string?)body["collectionName"]);
        Assert.Equal("vector", (string?)body["annsField"]);
        Assert.Equal(10, (int)body["limit"]!);
        Assert.Equal("course_key in [\"cs-230\"] and document_id in [\"doc-1\", \"doc-2\"]", (string?)body["filter"]);
        Assert.Equal("COSINE", (string?)body["searchParams"]!["metricType"]);
        Assert.True((int)body["searchParams"]!["params"]!["ef"]! >= 10);
        var sent = body["data"]!.AsArray().Single()!.AsArray().Select(v => (float)v!).ToArray();
        Assert.Equal(query, sent);
        var outputs = body["outputFields"]!.AsArray().Select(f => (string)f!).ToList();
        Assert.Contains("text", outputs);
        Assert.Contains("heading_path", outputs);
        Assert.DoesNotContain("vector", outputs);

        Assert.Equal(["c2", "c7"], hits.Select(h => h.Chunk.Id));
        Assert.Equal(0.91, hits[0].Score, 6);
        Assert.Equal("CS-230", hits[0].Chunk.Course);
        Assert.Null(hits[1].Chunk.Course);
        Assert.Equal(7, hits[1].Chunk.Ordinal);
        Assert.Equal("Heaps and priority queues", hits[0].Chunk.Text);
        Assert.True(hits[0].Chunk.Vector.IsEmpty);
    }

    [Fact]
    public async Task Vector_search_without_filter_sends_none_and_rejects_wrong_dimensions()
    {
        var handler = MilvusTestServer.Ready().On("entities/search", """{"code":0,"data":[]}""");
        using var index = MilvusTestServer.Index(handler);

        Assert.Empty(await index.SearchVectorAsync(MilvusTestServer.Vector(1), 5, new SearchFilter(), CancellationToken.None));
        Assert.Null(handler.For("entities/search").Single().Body["filter"]);
        await Assert.ThrowsAsync<ArgumentException>(() => index.SearchVectorAsync(new float[12], 5, new SearchFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task Keyword_search_sends_raw_text_to_the_sparse_field()
    {
        var handler = MilvusTestServer.Ready().On("entities/search", SearchHits);
        using var index = MilvusTestServer.Index(handler);

        var hits = await index.SearchKeywordsAsync("priority \"queues\"", 4, new SearchFilter(), CancellationToken.None);

        var body = Assert.Single(handler.For("entities/search")).Body;
        Assert.Equal("sparse", (string?)body["annsField"]);
        Assert.Equal("priority \"queues\"", (string?)body["data"]!.AsArray().Single());
        Assert.Equal("BM25", (string?)body["searchParams"]!["metricType"]);
        Assert.Equal(4, (int)body["limit"]!);
        Assert.Equal(2, hits.Count);
        Assert.Equal(0.91, hits[0].Score, 6);
    }

    [Fact]
    public async Task Keyword_search_on_a_collection_without_bm25_is_unavailable_without_asking()
    {
        var handler = MilvusTestServer.Ready(fullText: false).On("entities/search", SearchHits);
        using var index = MilvusTestServer.Index(handler);

        var ex = await Assert.ThrowsAsync<KeywordSearchUnavailableException>(() => index.SearchKeywordsAsync("heaps", 5, new SearchFilter(), CancellationToken.None));
        Assert.Contains("without a BM25 field", ex.Message);
        Assert.Empty(handler.For("entities/search"));
    }

    [Fact]
    public async Task Keyword_search_refused_by_the_server_is_unavailable_and_transport_errors_propagate()
    {
        var handler = MilvusTestServer.Ready()
            .Once("entities/search", """{"code":1100,"message":"failed to search: BM25 not supported"}""")
            .Once("entities/search", "bad gateway", System.Net.HttpStatusCode.BadGateway);
        using var index = MilvusTestServer.Index(handler);

        var refused = await Assert.ThrowsAsync<KeywordSearchUnavailableException>(() => index.SearchKeywordsAsync("heaps", 5, new SearchFilter(), CancellationToken.None));
        Assert.IsType<Canopy.Rag.VectorStore.Milvus.MilvusException>(refused.InnerException);
        await Assert.ThrowsAsync<Canopy.Rag.VectorStore.Milvus.MilvusException>(
            () => index.SearchKeywordsAsync("heaps", 5, new SearchFilter(), CancellationToken.None));
        Assert.Empty(await index.SearchKeywordsAsync("   ", 5, new SearchFilter(), CancellationToken.None));
        Assert.Equal(2, handler.For("entities/search").Count());
    }
}
