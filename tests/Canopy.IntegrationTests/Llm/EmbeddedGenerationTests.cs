using Canopy.TestUtilities.Files;
using System.Diagnostics;
using Canopy.Api;
using Canopy.Api.Llm.Embedded;
using Canopy.Contracts.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace Canopy.IntegrationTests.Llm;

/// <summary>The whole embedded path with real parts: a generated GGUF served over local HTTP, downloaded, verified, loaded by llama.cpp, and streamed.</summary>
public sealed class EmbeddedGenerationTests(ITestOutputHelper output)
{
    private static readonly Passage[] Passages =
    [
        new(1, "c1", "lecture-notes-quantum-entanglement", "Quantum Entanglement", "corpus/e.md", "PHYS-214", "Quantum Entanglement > Bell states",
            "Entangled particles share one quantum state.", 0.03, 0.71),
    ];

    [Fact]
    public async Task A_downloaded_model_streams_tokens_and_its_real_token_counts_reach_the_spans()
    {
        var model = TinyGguf.Build();
        await using var server = await ModelFileServer.StartAsync(model);
        await using var host = await EmbeddedHost.StartAsync(server.Url, EmbeddedHost.Sha256(model));

        Assert.Equal(ModelState.Ready, host.Status.State);
        var cached = Path.Combine(host.CacheDirectory, "models", "tiny-model.gguf");
        Assert.Equal(EmbeddedHost.Sha256(model), EmbeddedHost.Sha256(await File.ReadAllBytesAsync(cached)));
        Assert.False(File.Exists(cached + ".partial"));

        using var spans = new SpanRecorder();
        var provider = host.Provider;
        Assert.Equal(("llama", EmbeddedHost.ModelName, null), (provider.Name, provider.Model, provider.Notice));

        using var turn = new Activity("test-turn").Start();
        var deltas = new List<string>();
        var started = Stopwatch.GetTimestamp();
        var result = await host.GenerateAsync("Explain quantum entanglement", Passages, d => { deltas.Add(d); return Task.CompletedTask; });
        var elapsed = Stopwatch.GetElapsedTime(started);
        turn.Stop();

        Assert.True(deltas.Count > 1, $"expected a stream of tokens, got {deltas.Count} deltas");
        Assert.Equal(result.Text, string.Concat(deltas));
        Assert.InRange(result.OutputTokens, deltas.Count, 24);
        Assert.True(result.InputTokens > 100, $"the byte-level tokenizer should count the whole prompt, got {result.InputTokens}");
        Assert.Contains(result.FinishReason, new[] { "stop", "length" });

        var generate = spans.Single(ApiTelemetry.GenerateSpan("llama"), turn.TraceId);
        var chat = spans.Single($"chat {EmbeddedHost.ModelName}", turn.TraceId);
        Assert.Equal(generate.SpanId, chat.ParentSpanId);
        Assert.Equal("llama", chat.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(result.InputTokens, Convert.ToInt64(chat.GetTagItem("gen_ai.usage.input_tokens")));
        Assert.Equal(result.OutputTokens, Convert.ToInt64(chat.GetTagItem("gen_ai.usage.output_tokens")));
        // In-process, the model call is INTERNAL, and token usage is written on it alone.
        Assert.Equal((ActivityKind.Internal, ActivityKind.Internal), (chat.Kind, generate.Kind));
        Assert.True(Convert.ToDouble(chat.GetTagItem("gen_ai.response.time_to_first_chunk")) > 0);
        Assert.Single(spans.Spans, s => s.TraceId == turn.TraceId && s.GetTagItem("gen_ai.usage.output_tokens") is not null);
        Assert.Single(spans.Spans, s => s.TraceId == turn.TraceId && s.GetTagItem("gen_ai.provider.name") is not null);
        output.WriteLine($"tiny model: {result.InputTokens} prompt tokens, {result.OutputTokens} output tokens in {elapsed.TotalMilliseconds:0} ms " +
                         $"(first token {result.TimeToFirstToken?.TotalMilliseconds:0} ms, {result.OutputTokens / elapsed.TotalSeconds:0} tokens/s overall)");

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries[ModelHealthCheck.Name].Status);
    }

    [Fact]
    public async Task A_cached_model_is_verified_and_used_without_downloading_again()
    {
        var model = TinyGguf.Build(seed: 7);
        await using var server = await ModelFileServer.StartAsync(model);
        var directory = TestDirectory.Create("canopy-llm-");
        await using (var first = await EmbeddedHost.StartAsync(server.Url, EmbeddedHost.Sha256(model), directory))
            Assert.Equal(ModelState.Ready, first.Status.State);

        await using var second = await EmbeddedHost.StartAsync(server.Url, EmbeddedHost.Sha256(model), directory);

        Assert.Equal(ModelState.Ready, second.Status.State);
        Assert.Single(server.RangeHeaders);
    }
}
