using Canopy.Rag;

namespace Canopy.UnitTests.Milvus;

public sealed class MilvusIndexInitializationTests
{
    private static RecordingHandler EmptyServer() => new RecordingHandler()
        .On("collections/has", MilvusTestServer.Has(false))
        .On("collections/describe", MilvusTestServer.Describe())
        .On("collections/get_load_state", MilvusTestServer.Loaded);

    [Fact]
    public void Names_itself_for_spans()
    {
        using var index = MilvusTestServer.Index(MilvusTestServer.Ready(), MilvusTestServer.Options(o => o.CollectionName = "course_chunks"));

        Assert.Equal("milvus", index.SystemName);
        Assert.Equal("course_chunks", index.CollectionName);
        Assert.Equal(RagTelemetry.MilvusSearchSpan, index.VectorSearchSpanName);
        Assert.Equal("milvus-search", index.VectorSearchSpanName);
    }

    [Fact]
    public async Task Creates_the_chunk_collection_with_dense_and_bm25_fields()
    {
        var handler = EmptyServer();
        using var index = MilvusTestServer.Index(handler);

        await index.InitializeAsync(CancellationToken.None);

        var create = handler.For("collections/create").First(r => r.Collection == "canopy_chunks").Body;
        var schema = create["schema"]!.AsObject();
        Assert.False((bool)schema["autoID"]!);
        Assert.False((bool)schema["enableDynamicField"]!);
        var fields = schema["fields"]!.AsArray().Select(f => f!.AsObject()).ToDictionary(f => (string)f["fieldName"]!);

        Assert.True((bool)fields["id"]["isPrimary"]!);
        Assert.Equal("VarChar", (string?)fields["id"]["dataType"]);
        Assert.Equal("64", (string?)fields["id"]["elementTypeParams"]!["max_length"]);
        Assert.Equal("Int64", (string?)fields["ordinal"]["dataType"]);
        Assert.Equal("true", (string?)fields["text"]["elementTypeParams"]!["enable_analyzer"]);
        Assert.Equal("FloatVector", (string?)fields["vector"]["dataType"]);
        Assert.Equal("384", (string?)fields["vector"]["elementTypeParams"]!["dim"]);
        Assert.Equal("SparseFloatVector", (string?)fields["sparse"]["dataType"]);
        Assert.Contains("course_key", fields.Keys);

        var function = Assert.Single(schema["functions"]!.AsArray())!.AsObject();
        Assert.Equal("BM25", (string?)function["type"]);
        Assert.Equal(["text"], function["inputFieldNames"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["sparse"], function["outputFieldNames"]!.AsArray().Select(n => (string)n!));

        var indexes = create["indexParams"]!.AsArray().Select(i => i!.AsObject()).ToDictionary(i => (string)i["fieldName"]!);
        Assert.Equal("HNSW", (string?)indexes["vector"]["indexType"]);
        Assert.Equal("COSINE", (string?)indexes["vector"]["metricType"]);
        Assert.Equal("SPARSE_INVERTED_INDEX", (string?)indexes["sparse"]["indexType"]);
        Assert.Equal("BM25", (string?)indexes["sparse"]["metricType"]);
        Assert.Equal("Strong", (string?)create["params"]!["consistencyLevel"]);
        Assert.True(index.SupportsFullTextSearch);
    }

    [Fact]
    public async Task Creates_the_document_collection_then_loads_both()
    {
        var handler = EmptyServer();
        using var index = MilvusTestServer.Index(handler, MilvusTestServer.Options(o => o.Dimensions = 8));
        handler.On("collections/describe", MilvusTestServer.Describe(dimensions: 8));

        await index.InitializeAsync(CancellationToken.None);

        var documents = handler.For("collections/create").Single(r => r.Collection == "canopy_chunks_documents").Body;
        var fields = documents["schema"]!["fields"]!.AsArray().Select(f => (string)f!["fieldName"]!).ToList();
        Assert.Equal(["id", "title", "source", "course", "kind", "content_hash", "chunk_count", "indexed_at", "vector"], fields);
        Assert.Equal("8", (string?)handler.For("collections/create").Single(r => r.Collection == "canopy_chunks").Body
            ["schema"]!["fields"]!.AsArray().Single(f => (string)f!["fieldName"]! == "vector")!["elementTypeParams"]!["dim"]);
        Assert.Equal(["canopy_chunks", "canopy_chunks_documents"], handler.For("collections/load").Select(r => r.Collection));
        Assert.True(handler.Requests.FindLastIndex(r => r.Action == "collections/create") < handler.Requests.FindIndex(r => r.Action == "collections/load"));
    }

    [Fact]
    public async Task Existing_collections_are_not_created_again_and_init_runs_once()
    {
        var handler = MilvusTestServer.Ready();
        using var index = MilvusTestServer.Index(handler);

        await index.InitializeAsync(CancellationToken.None);
        await index.InitializeAsync(CancellationToken.None);

        Assert.Empty(handler.For("collections/create"));
        Assert.Equal(2, handler.For("collections/load").Count());
    }

    [Fact]
    public async Task Waits_until_milvus_reports_the_collection_loaded()
    {
        var handler = MilvusTestServer.Ready()
            .Once("collections/get_load_state", """{"code":0,"data":{"loadState":"LoadStateLoading","loadProgress":40}}""");
        using var index = MilvusTestServer.Index(handler);

        await index.InitializeAsync(CancellationToken.None);

        Assert.Equal(3, handler.For("collections/get_load_state").Count());
    }

    [Fact]
    public async Task A_collection_of_another_dimension_stops_start_up()
    {
        var handler = MilvusTestServer.Ready().On("collections/describe", MilvusTestServer.Describe(dimensions: 768));
        using var index = MilvusTestServer.Index(handler);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Contains("768", ex.Message);
        Assert.Contains("384", ex.Message);
    }

    [Fact]
    public async Task A_server_refusing_bm25_gets_a_collection_without_it()
    {
        var handler = EmptyServer()
            .Once("collections/create", """{"code":1100,"message":"only IP is the supported metric type for sparse index"}""")
            .On("collections/describe", MilvusTestServer.Describe(fullText: false));
        using var index = MilvusTestServer.Index(handler);

        await index.InitializeAsync(CancellationToken.None);

        var creates = handler.For("collections/create").Where(r => r.Collection == "canopy_chunks").ToList();
        Assert.Equal(2, creates.Count);
        Assert.NotNull(creates[0].Body["schema"]!["functions"]);
        Assert.Null(creates[1].Body["schema"]!["functions"]);
        Assert.DoesNotContain(creates[1].Body["schema"]!["fields"]!.AsArray(), f => (string)f!["fieldName"]! == "sparse");
        Assert.False(index.SupportsFullTextSearch);
    }

    [Fact]
    public async Task A_half_created_collection_without_bm25_stops_start_up_and_is_never_dropped()
    {
        var handler = new RecordingHandler()
            .Once("collections/has", MilvusTestServer.Has(false))
            .On("collections/has", MilvusTestServer.Has(true))
            .Once("collections/create", """{"code":1100,"message":"only IP is the supported metric type for sparse index"}""")
            .On("collections/describe", MilvusTestServer.Describe(fullText: false))
            .On("collections/get_load_state", MilvusTestServer.Loaded);
        using var index = MilvusTestServer.Index(handler);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Contains("drop it yourself", ex.Message);
        Assert.Empty(handler.For("collections/drop"));
        Assert.Single(handler.For("collections/create"));
    }

    [Theory]
    [InlineData("""{"code":9,"message":"quota exceeded[reason=collection number limit]"}""")]
    [InlineData("""{"code":1100,"message":"collection name should not be empty: invalid parameter"}""")]
    public async Task Other_refusals_stop_start_up_instead_of_giving_up_bm25(string refusal)
    {
        var handler = EmptyServer().On("collections/create", refusal);
        using var index = MilvusTestServer.Index(handler);

        var ex = await Assert.ThrowsAsync<Canopy.Rag.VectorStore.Milvus.MilvusException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.False(ex.IsFullTextUnsupported);
        Assert.Single(handler.For("collections/create"));
        Assert.Empty(handler.For("collections/drop"));
    }

    [Fact]
    public async Task Transport_failures_do_not_trigger_the_fallback()
    {
        var handler = new RecordingHandler()
            .On("collections/has", MilvusTestServer.Has(false))
            .On("collections/create", """{"code":1800,"message":"user hasn't authenticated"}""", System.Net.HttpStatusCode.Unauthorized);
        using var index = MilvusTestServer.Index(handler);

        var ex = await Assert.ThrowsAsync<Canopy.Rag.VectorStore.Milvus.MilvusException>(() => index.InitializeAsync(CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Single(handler.For("collections/create"));
    }
}
