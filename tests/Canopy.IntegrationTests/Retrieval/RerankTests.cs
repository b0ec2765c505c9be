using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Canopy.Contracts.Search;
using Canopy.Rag;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Search;
using Canopy.Rag.Search.Rerank;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canopy.IntegrationTests.Retrieval;

[Collection(MiniLmCollection.Name)]
public sealed class RerankTests(MiniLmFixture model)
{
    private static readonly string[] Notes =
    [
        "# Zebras\n\nZebras are African equids with black and white stripes.",
        "# Horses\n\nHorses are domesticated equids used for riding and farm work.",
        "# Stripes in fashion\n\nStriped shirts were popular with sailors.",
        "# Canteen\n\nThe canteen serves soup at noon.",
    ];

    // Scores each document by whether it mentions the word the test wants first, as a cross-encoder would by relevance.
    private static Func<RecordedRequest, (int, string)> PreferDocumentsWith(string word) => request =>
    {
        var documents = JsonNode.Parse(request.Body)!["documents"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        var results = documents.Select((d, i) => new JsonObject { ["index"] = i, ["relevance_score"] = d.Contains(word) ? 0.9 - i * 0.01 : 0.1 / (i + 1) });
        return (200, new JsonObject { ["id"] = "rerank-1", ["model"] = "bge-reranker", ["results"] = new JsonArray([.. results]) }.ToJsonString());
    };

    private async Task<RagHarness> NotesAsync()
    {
        var rag = new RagHarness(model);
        for (var i = 0; i < Notes.Length; i++)
            await rag.Ingestor.IngestAsync(MarkdownDocumentReader.Read($"note-{i}", $"documents/note-{i}.md", Notes[i], "v1"), CancellationToken.None);
        return rag;
    }

    private static (SearchService Search, ListLogger<ResultReranker> Log) Search(RagHarness rag, LocalHttpServer server, Action<RerankOptions>? configure = null)
    {
        var options = new RerankOptions { Endpoint = $"{server.BaseAddress}v1", Model = "bge-reranker", Key = "rk-1", TopN = 3 };
        configure?.Invoke(options);
        var log = new ListLogger<ResultReranker>();
        var reranker = new ResultReranker(new RerankClient(new HttpClient(), Options.Create(options)), log);
        return (new SearchService(rag.Index, rag.Embeddings, Options.Create(new SearchOptions()), reranker), log);
    }

    private static async Task<(SearchResponse Response, Activity Span)> TracedAsync(SearchService search, string query)
    {
        using var spans = new SpanRecorder();
        using var root = new Activity("test-root").Start();
        var response = await search.SearchAsync(query, 4, new SearchFilter(), "hybrid", CancellationToken.None);
        return (response, spans.Single(RagTelemetry.RerankSpan, root.TraceId));
    }

    [Fact]
    public async Task The_cross_encoder_order_wins_and_the_request_has_the_rerank_shape()
    {
        using var rag = await NotesAsync();
        await using var server = await LocalHttpServer.StartAsync(PreferDocumentsWith("sailors"));
        var (search, _) = Search(rag, server);

        var (response, span) = await TracedAsync(search, "Which animals have stripes?");

        Assert.Equal("note-2", response.Results[0].DocumentId);
        Assert.Equal("cross-encoder", span.GetTagItem("canopy.rerank.method"));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("/v1/rerank", "Bearer rk-1"), (request.Path, request.Authorization));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("bge-reranker", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("Which animals have stripes?", body.RootElement.GetProperty("query").GetString());
        Assert.Equal(3, body.RootElement.GetProperty("documents").GetArrayLength());
        Assert.Equal(3, body.RootElement.GetProperty("top_n").GetInt32());
        Assert.Equal(4, response.Results.Count);
        Assert.True(response.Results.Zip(response.Results.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores are in rank order");
    }

    [Theory]
    [InlineData(500, """{"error":{"message":"CUDA out of memory"}}""", "CUDA out of memory")]
    [InlineData(200, """{"results":[{"index":7,"relevance_score":0.5}]}""", "outside the 3 documents")]
    [InlineData(200, "<html>gateway</html>", "invalid JSON")]
    public async Task A_failing_reranker_falls_back_to_the_fused_order_with_a_warning(int status, string answer, string reason)
    {
        using var rag = await NotesAsync();
        await using var server = await LocalHttpServer.StartAsync(_ => (status, answer));
        var (search, log) = Search(rag, server);
        var fused = await rag.Search.SearchAsync("Which animals have stripes?", 4, new SearchFilter(), "hybrid", CancellationToken.None);

        var (response, span) = await TracedAsync(search, "Which animals have stripes?");

        Assert.Equal(fused.Results.Select(r => r.ChunkId), response.Results.Select(r => r.ChunkId));
        Assert.Equal("linear", span.GetTagItem("canopy.rerank.method"));
        Assert.Equal(true, span.GetTagItem("canopy.rerank.fallback"));
        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(reason, warning.Message);
    }

    [Fact]
    public async Task A_reranker_that_does_not_answer_in_time_is_abandoned()
    {
        using var rag = await NotesAsync();
        var never = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalHttpServer.StartAsync(_ => never.Task);
        var (search, log) = Search(rag, server, o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var fused = await rag.Search.SearchAsync("Which animals have stripes?", 4, new SearchFilter(), "hybrid", CancellationToken.None);

        var response = await search.SearchAsync("Which animals have stripes?", 4, new SearchFilter(), "hybrid", CancellationToken.None);
        never.SetResult((200, "{}"));

        Assert.Equal(fused.Results.Select(r => r.ChunkId), response.Results.Select(r => r.ChunkId));
        Assert.Contains("no answer within 300 ms", Assert.Single(log.Entries).Message);
    }

    [Fact]
    public void An_endpoint_without_a_model_is_a_configuration_error()
    {
        var options = new RerankOptions { Endpoint = "http://reranker:8000/v1" };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("Model is required"));
        Assert.False(new RerankOptions().IsConfigured);
    }

    [SkippableFact]
    public async Task A_real_reranker_puts_the_relevant_passage_first()
    {
        var endpoint = Environment.GetEnvironmentVariable("CANOPY_TEST_RERANK_ENDPOINT");
        var modelName = Environment.GetEnvironmentVariable("CANOPY_TEST_RERANK_MODEL");
        Skip.If(string.IsNullOrWhiteSpace(endpoint) || string.IsNullOrWhiteSpace(modelName),
            "Set CANOPY_TEST_RERANK_ENDPOINT (e.g. http://host:8000/v1) and CANOPY_TEST_RERANK_MODEL to run this test against a real reranker.");
        var client = new RerankClient(new HttpClient(), Options.Create(new RerankOptions { Endpoint = endpoint, Model = modelName, Timeout = TimeSpan.FromSeconds(30) }));

        var scores = await client.RerankAsync("Which animals have stripes?", Notes, CancellationToken.None);

        Assert.Equal(0, scores[0].Index);
    }
}
