using Canopy.Api.Llm.Embedded;
using Canopy.TestUtilities.Files;

namespace Canopy.IntegrationTests.Llm;

/// <summary><c>POST /api/chat</c> in embedded mode: the start event names the model that answers, and its tokens stream as deltas.</summary>
public sealed class EmbeddedChatEndpointTests
{
    private const string SearchJson = """
        {"query":"q","topK":5,"method":"hybrid","results":[
          {"rank":1,"chunkId":"c1","documentId":"lecture-notes-quantum-entanglement","title":"Quantum Entanglement","source":"corpus/e.md","course":"PHYS-214",
           "headingPath":"Quantum Entanglement > Bell states","text":"Entangled particles share one quantum state.","score":0.03,"vectorScore":0.71}]}
        """;

    [Fact]
    public async Task The_chat_stream_announces_the_embedded_model_once_ready_and_streams_its_tokens()
    {
        var model = TinyGguf.Build();
        await using var files = await ModelFileServer.StartAsync(model);
        await using var rag = await StartSearchServerAsync();
        var cache = TestDirectory.Create("canopy-llm-");
        await using var factory = new SignedInFactory<ChatPipeline>().WithWebHostBuilder(web => web
            .UseSetting("Canopy:Llm", "embedded")
            .UseSetting("Canopy:Llm:Embedded:ModelUrl", files.Url.ToString())
            .UseSetting("Canopy:Llm:Embedded:Sha256", EmbeddedHost.Sha256(model))
            .UseSetting("Canopy:Llm:Embedded:ModelName", EmbeddedHost.ModelName)
            .UseSetting("Canopy:Llm:Embedded:CacheDirectory", cache)
            .UseSetting("Canopy:Llm:Embedded:ContextSize", "2048")
            .UseSetting("Canopy:Llm:Embedded:Threads", "1")
            .UseSetting("Canopy:Generation:ContextTokens", "2048")
            .UseSetting("Canopy:Generation:MaxOutputTokens", "16")
            .UseSetting("Canopy:Retrieval:ServiceUri", rag.BaseAddress.ToString()));
        using var client = factory.CreateClient();
        await factory.Services.GetRequiredService<EmbeddedModelHost>().Settled;

        using var response = await client.PostAsJsonAsync("/api/chat", new { message = "Explain quantum entanglement" });
        var events = new List<ChatEvent>();
        await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(), CancellationToken.None)) events.Add(e);

        var start = Assert.IsType<StartEvent>(events[0]);
        Assert.Equal(("llama", EmbeddedHost.ModelName, false), (start.Provider, start.Model, start.Extractive));
        // Through the pipeline, text is released sentence by sentence after the output guardrails; token streaming is asserted on the client.
        Assert.Contains(events, e => e is DeltaEvent);
        var usage = Assert.IsType<DoneEvent>(events[^1]).Usage;
        Assert.InRange(usage.OutputTokens, 2, 16);
        Assert.True(usage.InputTokens > 100);
    }

    private static Task<LoopbackServer> StartSearchServerAsync() =>
        LoopbackServer.StartAsync(app => app.MapPost("/api/search", () => Results.Text(SearchJson, "application/json")));
}
