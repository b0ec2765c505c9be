using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Canopy.Rag.VectorStore;
using Canopy.Rag.VectorStore.Milvus;

namespace Canopy.IntegrationTests.Milvus;

/// <summary>canopy-rag's Milvus client as registered beside the service defaults, against a loopback server playing Milvus.</summary>
public sealed class MilvusResilienceTests
{
    private const string HasTrue = """{"code":0,"data":{"has":true}}""";

    private static IHost CanopyRag(Uri milvus, TimeSpan requestTimeout)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:milvus"] = $"Endpoint={milvus}",
            ["Canopy:Milvus:RequestTimeout"] = requestTimeout.ToString(),
        });
        builder.AddServiceDefaults();
        builder.AddMilvusIndex();
        return builder.Build();
    }

    [Fact]
    public async Task Reads_are_retried_after_a_transient_failure_and_writes_never_are()
    {
        var calls = new ConcurrentDictionary<string, int>();
        await using var milvus = await LoopbackServer.StartAsync(app => app.MapPost("/v2/vectordb/{category}/{action}", (string category, string action) =>
            calls.AddOrUpdate($"{category}/{action}", 1, (_, n) => n + 1) == 1
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.Text(HasTrue, "application/json")));
        using var host = CanopyRag(milvus.BaseAddress, TimeSpan.FromSeconds(30));
        var client = host.Services.GetRequiredService<MilvusRestClient>();

        Assert.True(await client.HasCollectionAsync("canopy_chunks", CancellationToken.None));
        var refused = await Assert.ThrowsAsync<MilvusException>(() => client.UpsertAsync("canopy_chunks", [new JsonObject { ["id"] = "c1" }], CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(2, calls["collections/has"]);
        Assert.Equal(1, calls["entities/upsert"]);
    }

    [Fact]
    public async Task A_slow_answer_within_the_clients_own_timeout_is_awaited_past_the_defaults_10_s_attempt_limit()
    {
        var calls = 0;
        await using var milvus = await LoopbackServer.StartAsync(app => app.MapPost("/v2/vectordb/entities/delete", async (HttpContext context) =>
        {
            Interlocked.Increment(ref calls);
            // Milvus under compaction can take this long; the standard handler would have cut it at 10 s and sent it again.
            await Task.Delay(TimeSpan.FromSeconds(11), context.RequestAborted);
            return Results.Text("""{"code":0,"data":{}}""", "application/json");
        }));
        using var host = CanopyRag(milvus.BaseAddress, TimeSpan.FromSeconds(40));
        var client = host.Services.GetRequiredService<MilvusRestClient>();

        await client.DeleteAsync("canopy_chunks", "document_id == \"d1\"", CancellationToken.None);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_stalled_write_ends_at_the_clients_timeout_and_is_sent_once()
    {
        var calls = 0;
        await using var milvus = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v2/vectordb/collections/has", () => Results.Text(HasTrue, "application/json"));
            app.MapPost("/v2/vectordb/entities/upsert", async (HttpContext context) =>
            {
                Interlocked.Increment(ref calls);
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            });
        });
        // An answered request first, by a client without the write's limit, takes both sides' first-call costs out of it (a cold start on a busy machine once took all of a 1-s limit).
        using (var warm = CanopyRag(milvus.BaseAddress, TimeSpan.FromSeconds(60)))
            Assert.True(await warm.Services.GetRequiredService<MilvusRestClient>().HasCollectionAsync("canopy_chunks", CancellationToken.None));
        using var host = CanopyRag(milvus.BaseAddress, TimeSpan.FromSeconds(3));
        var client = host.Services.GetRequiredService<MilvusRestClient>();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.UpsertAsync("canopy_chunks", [new JsonObject { ["id"] = "c1" }], CancellationToken.None));

        Assert.Contains("did not answer within 3 s", ex.Message);
        Assert.Equal(1, calls);
    }
}
