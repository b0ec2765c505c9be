using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Canopy.Rag.Embeddings;
using Microsoft.Extensions.AI;

namespace Canopy.IntegrationTests.Retrieval;

public sealed class OpenAiEmbeddingGeneratorTests
{
    // Answers like vLLM: one embedding per input, listed in reverse order to prove the client sorts by index.
    private static (int, string) Embeddings(RecordedRequest request, int dimensions = 3)
    {
        var inputs = JsonNode.Parse(request.Body)!["input"]!.AsArray();
        var data = inputs.Select((input, i) => new JsonObject
        {
            ["object"] = "embedding",
            ["index"] = i,
            ["embedding"] = new JsonArray([.. Enumerable.Range(0, dimensions).Select(d => JsonValue.Create(d == 0 ? 3.0 * (i + 1) : d == 1 ? 4.0 * (i + 1) : 0.0))]),
        }).Reverse();
        return (200, new JsonObject
        {
            ["object"] = "list", ["data"] = new JsonArray([.. data]), ["model"] = "bge-small",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 7 * inputs.Count, ["total_tokens"] = 7 * inputs.Count },
        }.ToJsonString());
    }

    private static OpenAiEmbeddingGenerator Client(LocalHttpServer server, string extra = "Dimensions=3", int? batchSize = null) =>
        new(new HttpClient(), EmbeddingsConnectionString.Parse($"Endpoint={server.BaseAddress}v1;Key=sk-test;Model=bge-small;{extra}"), batchSize ?? new EmbeddingOptions().BatchSize);

    [Fact]
    public async Task Sends_the_openai_request_shape_and_returns_unit_vectors_in_input_order()
    {
        await using var server = await LocalHttpServer.StartAsync(r => Embeddings(r));
        using var client = Client(server);

        var result = await client.GenerateAsync(["first", "second"]);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/embeddings", "Bearer sk-test"), (request.Method, request.Path, request.Authorization));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("bge-small", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(["first", "second"], body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("float", body.RootElement.GetProperty("encoding_format").GetString());
        Assert.Equal(3, body.RootElement.GetProperty("dimensions").GetInt32());
        // (3,4,0) and (6,8,0) both scale to (0.6, 0.8, 0): the order and the normalisation are the client's work.
        Assert.All(result, e => Assert.Equal([0.6f, 0.8f, 0f], e.Vector.ToArray().Select(v => MathF.Round(v, 5))));
        Assert.Equal(14, result.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Splits_large_inputs_into_batches_and_omits_dimensions_when_not_configured()
    {
        await using var server = await LocalHttpServer.StartAsync(r => Embeddings(r));
        using var client = Client(server, extra: "", batchSize: 2);

        var result = await client.GenerateAsync(["a", "b", "c", "d", "e"]);

        Assert.Equal(5, result.Count);
        Assert.Equal([2, 2, 1], server.Requests.Select(r => JsonNode.Parse(r.Body)!["input"]!.AsArray().Count));
        Assert.All(server.Requests, r => Assert.Null(JsonNode.Parse(r.Body)!["dimensions"]));
    }

    [Fact]
    public async Task A_server_error_becomes_an_exception_with_the_status_and_the_servers_reason()
    {
        await using var server = await LocalHttpServer.StartAsync(_ =>
            (404, """{"object":"error","message":"The model `bge-small` does not exist.","type":"NotFoundError","code":404}"""));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => client.GenerateAsync(["x"]));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("The model `bge-small` does not exist.", error.Message);
        Assert.Contains("404", error.Message);
    }

    [Theory]
    [InlineData("""{"data":[]}""", "returned 0 embeddings for 1 inputs")]
    [InlineData("""{"object":"list"}""", "no 'data' array")]
    [InlineData("not json", "invalid JSON")]
    [InlineData("""{"data":[{"index":0,"embedding":[1.0,0.0]}]}""", "has 2 dimensions; 3 were configured")]
    [InlineData("""{"data":[{"index":0,"embedding":"AACAPw=="}]}""", "invalid JSON")]
    public async Task Malformed_answers_are_rejected_with_a_clear_reason(string answer, string reason)
    {
        await using var server = await LocalHttpServer.StartAsync(_ => (200, answer));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => client.GenerateAsync(["x"]));

        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("", "needs the connection string 'embeddings'")]
    [InlineData("Endpoint=ftp://x;Model=m", "needs Endpoint=http(s)")]
    [InlineData("Endpoint=http://x/v1", "needs Model=")]
    [InlineData("Endpoint=http://x/v1;Model=m;Dimensions=-4", "Dimensions='-4'")]
    public void Bad_connection_strings_say_what_is_missing(string connectionString, string reason) =>
        Assert.Contains(reason, Assert.Throws<InvalidOperationException>(() => EmbeddingsConnectionString.Parse(connectionString)).Message);

    [Fact]
    public async Task Configuration_selects_the_openai_client_wrapped_with_opentelemetry()
    {
        await using var server = await LocalHttpServer.StartAsync(r => Embeddings(r));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Canopy:Rag:Embeddings:Provider"] = "openai",
            ["ConnectionStrings:embeddings"] = $"Endpoint={server.BaseAddress}v1;Model=bge-small;Dimensions=3",
        });
        builder.AddEmbeddings();
        using var host = builder.Build();
        var generator = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        using var spans = new SpanRecorder();
        using var root = new Activity("test-root").Start();

        var vector = await generator.GenerateVectorAsync("hello");

        Assert.NotNull(generator.GetService<OpenAiEmbeddingGenerator>());
        Assert.Equal(3, vector.Length);
        Assert.Equal("embeddings bge-small", Assert.Single(spans.Spans, s => s.TraceId == root.TraceId).DisplayName);
    }

    [SkippableFact]
    public async Task A_real_embeddings_server_answers_with_consistent_vectors()
    {
        var connection = Environment.GetEnvironmentVariable("CANOPY_TEST_EMBEDDINGS");
        Skip.If(string.IsNullOrWhiteSpace(connection), "Set CANOPY_TEST_EMBEDDINGS to an OpenAI-compatible embeddings connection string (Endpoint=...;Model=...) to run this test.");
        using var client = new OpenAiEmbeddingGenerator(new HttpClient(), EmbeddingsConnectionString.Parse(connection), new EmbeddingOptions().BatchSize);

        var result = await client.GenerateAsync(["The mitochondria is the powerhouse of the cell.", "Mitochondria produce ATP for the cell.", "The exam is on Friday."]);

        float Dot(int a, int b) => System.Numerics.Tensors.TensorPrimitives.Dot(result[a].Vector.Span, result[b].Vector.Span);
        Assert.Equal(3, result.Count);
        Assert.True(Dot(0, 1) > Dot(0, 2), "related sentences are closer than unrelated ones");
    }
}
