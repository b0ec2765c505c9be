using System.Net;
using Canopy.Rag.VectorStore.Milvus;

namespace Canopy.UnitTests.Milvus;

public sealed class MilvusRestClientTests
{
    [Fact]
    public async Task Posts_to_the_v2_path_with_bearer_key_and_database()
    {
        var handler = new RecordingHandler().On("collections/has", MilvusTestServer.Has(true));
        var client = MilvusTestServer.Client(handler);

        var has = await client.HasCollectionAsync("canopy_chunks", CancellationToken.None);

        Assert.True(has);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v2/vectordb/collections/has", request.Path);
        Assert.Equal("Bearer root:s3cret", request.Authorization);
        Assert.Equal("canopy_chunks", request.Collection);
        Assert.Equal("canopy", (string?)request.Body["dbName"]);
    }

    [Fact]
    public async Task Sends_no_authorization_without_a_key_and_honours_a_path_prefix()
    {
        var handler = new RecordingHandler().On("collections/list", """{"code":0,"data":["a","b"]}""");
        var client = MilvusTestServer.Client(handler, connectionString: "Endpoint=http://gateway.test/milvus");

        var names = await client.ListCollectionsAsync(CancellationToken.None);

        Assert.Equal(["a", "b"], names);
        Assert.Null(handler.Requests[0].Authorization);
        Assert.Equal("/milvus/v2/vectordb/collections/list", handler.Requests[0].Path);
        Assert.Equal("default", (string?)handler.Requests[0].Body["dbName"]);
    }

    [Fact]
    public async Task Code_100_with_http_200_is_a_collection_not_found()
    {
        var handler = new RecordingHandler().On("collections/describe",
            """{"code":100,"message":"collection not found[database=canopy][collection=missing]"}""");
        var client = MilvusTestServer.Client(handler);

        var ex = await Assert.ThrowsAsync<MilvusException>(() => client.DescribeCollectionAsync("missing", CancellationToken.None));

        Assert.True(ex.IsCollectionNotFound);
        Assert.True(ex.IsRefusal);
        Assert.Equal(100, ex.Code);
        Assert.Equal("collections/describe", ex.Action);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains("collection=missing", ex.Message);
    }

    [Fact]
    public async Task Other_codes_keep_their_code_and_message()
    {
        var handler = new RecordingHandler().On("entities/search",
            """{"code":1100,"message":"invalid parameter[expected=valid field][actual=sparse]"}""");
        var client = MilvusTestServer.Client(handler);

        var ex = await Assert.ThrowsAsync<MilvusException>(() => client.SearchAsync(
            new MilvusSearchRequest("c", ["text"], "sparse", 5, ["id"]), CancellationToken.None));

        Assert.False(ex.IsCollectionNotFound);
        Assert.Equal(1100, ex.Code);
        Assert.Equal("entities/search", ex.Action);
        Assert.Equal("invalid parameter[expected=valid field][actual=sparse]", ex.ServerMessage);
    }

    [Fact]
    public async Task Http_500_without_an_envelope_carries_the_status()
    {
        var handler = new RecordingHandler().On("entities/upsert", "upstream connect error", HttpStatusCode.InternalServerError);
        var client = MilvusTestServer.Client(handler);

        var ex = await Assert.ThrowsAsync<MilvusException>(() => client.UpsertAsync("c", [], CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(0, ex.Code);
        Assert.False(ex.IsRefusal);
        Assert.Contains("upstream connect error", ex.Message);
    }

    [Fact]
    public async Task Http_401_keeps_the_envelope_code()
    {
        var handler = new RecordingHandler().On("collections/list",
            """{"code":1800,"message":"user hasn't authenticated"}""", HttpStatusCode.Unauthorized);
        var client = MilvusTestServer.Client(handler);

        var ex = await Assert.ThrowsAsync<MilvusException>(() => client.ListCollectionsAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(1800, ex.Code);
        Assert.False(ex.IsRefusal);
    }

    [Fact]
    public async Task A_body_that_is_not_an_envelope_is_an_error()
    {
        var handler = new RecordingHandler().On("collections/load", "<html>proxy</html>");
        var client = MilvusTestServer.Client(handler);

        var ex = await Assert.ThrowsAsync<MilvusException>(() => client.LoadCollectionAsync("c", CancellationToken.None));

        Assert.Contains("not a Milvus envelope", ex.Message);
    }

    [Fact]
    public async Task Code_200_without_message_is_the_success_of_older_servers()
    {
        var handler = new RecordingHandler().On("entities/query", """{"code":200,"data":[{"id":"a"}]}""");
        var client = MilvusTestServer.Client(handler);

        var rows = await client.QueryAsync(new MilvusQueryRequest("c", "id != \"\"", ["id"], 10), CancellationToken.None);

        Assert.Equal("a", Assert.Single(rows).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_slow_server_times_out_as_operation_canceled()
    {
        var handler = new RecordingHandler { Hang = true };
        var client = MilvusTestServer.Client(handler, MilvusTestServer.Options(o => o.RequestTimeout = TimeSpan.FromMilliseconds(50)));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListCollectionsAsync(CancellationToken.None));

        Assert.Contains("did not answer within", ex.Message);
    }

    [Fact]
    public async Task Caller_cancellation_propagates()
    {
        var handler = new RecordingHandler { Hang = true };
        var client = MilvusTestServer.Client(handler);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListCollectionsAsync(cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }
}
