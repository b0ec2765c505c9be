using System.Diagnostics;
using System.Net.Sockets;

namespace Canopy.IntegrationTests.Api;

/// <summary>The <c>endpoint</c>/<c>vllm</c> provider against a server that speaks the OpenAI protocol.</summary>
public sealed class EndpointProviderTests
{
    private const string Text = "Leaf area index is the leaf area per unit of ground area. It controls how much light the canopy intercepts.";

    private static WebApplicationFactory<ChatPipeline> CanopyBe(string connectionString) =>
        new SignedInFactory<ChatPipeline>().WithWebHostBuilder(b => b
            .UseSetting("Canopy:Llm", "endpoint")
            .UseSetting("ConnectionStrings:llm", connectionString)
            .UseSetting("Canopy:Feedback:DataPath", TestDirectory.Create("canopy-be-endpoint-tests-")));

    private static async Task<List<ChatEvent>> SummarizeAsync(WebApplicationFactory<ChatPipeline> factory)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/chat", new { message = Text, feature = "summarize" });
        var events = new List<ChatEvent>();
        await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(), CancellationToken.None)) events.Add(e);
        return events;
    }

    [Fact]
    public async Task Tokens_stream_from_an_openai_compatible_server_and_usage_reaches_the_spans()
    {
        await using var server = await ScriptedModelServer.AnswerAsync("granite-tiny", ["Leaf ", "area ", "index ", "measures ", "leaves."], 42, 5);
        using var spans = new SpanRecorder();
        var tokenUsage = new List<(long Value, string? Type)>();
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Name is "gen_ai.client.token.usage" or "gen_ai.client.operation.time_to_first_chunk") l.EnableMeasurementEvents(instrument); },
        };
        var firstChunks = new List<double>();
        // The listener hears every test in the process: only this test's model counts.
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Value is "granite-tiny") { lock (firstChunks) firstChunks.Add(value); return; }
        });
        meters.SetMeasurementEventCallback<int>((_, value, tags, _) => Record(value, tags));
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags));
        meters.Start();
        void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? type = null;
            foreach (var tag in tags) if (tag.Key == "gen_ai.token.type") type = tag.Value as string;
            lock (tokenUsage) tokenUsage.Add((value, type));
        }
        using var factory = CanopyBe($"Endpoint={server.BaseAddress}v1;Key=secret-key;Model=granite-tiny");

        var events = await SummarizeAsync(factory);

        Assert.Equal("endpoint", Assert.IsType<StartEvent>(events[0]).Provider);
        Assert.Equal("Leaf area index measures leaves.", string.Concat(events.OfType<DeltaEvent>().Select(e => e.Delta)));
        var done = Assert.IsType<DoneEvent>(events[^1]);
        Assert.Equal((42, 5), (done.Usage.InputTokens, done.Usage.OutputTokens));

        var request = Assert.Single(server.Requests);
        Assert.Equal("granite-tiny", request.GetProperty("model").GetString());
        Assert.True(request.GetProperty("stream").GetBoolean());
        Assert.Equal("system", request.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal(Text, request.GetProperty("messages")[1].GetProperty("content").GetString());

        var traceId = Assert.IsType<StartEvent>(events[0]).TraceId;
        var trace = ActivityTraceId.CreateFromString(traceId);
        Activity Span(string name) => spans.Single(name, trace);
        var generate = Span("endpoint-generate");
        var chat = Span("chat granite-tiny");
        Assert.Equal(generate.SpanId, chat.ParentSpanId);
        Assert.Equal(42, Convert.ToInt64(chat.GetTagItem("gen_ai.usage.input_tokens")));
        Assert.Equal(5, Convert.ToInt64(chat.GetTagItem("gen_ai.usage.output_tokens")));
        // A remote model call is the one CLIENT span; the wrappers carry Canopy's attributes and timings only.
        Assert.Equal((ActivityKind.Client, ActivityKind.Internal), (chat.Kind, generate.Kind));
        Assert.True(Convert.ToDouble(chat.GetTagItem("gen_ai.response.time_to_first_chunk")) > 0);
        Assert.Single(spans.Spans, s => s.TraceId == trace && s.GetTagItem("gen_ai.usage.output_tokens") is not null);
        Assert.Single(spans.Spans, s => s.TraceId == trace && s.GetTagItem("gen_ai.provider.name") is not null);
        Assert.Equal("granite-tiny", Span("llm-inference").GetTagItem("canopy.llm.model"));
        Assert.NotNull(generate.GetTagItem("canopy.llm.time_to_first_chunk_ms"));
        meters.RecordObservableInstruments();
        Assert.Contains((42L, "input"), tokenUsage);
        Assert.Contains((5L, "output"), tokenUsage);
        Assert.Single(firstChunks);
    }

    [Fact]
    public async Task Datamarking_a_model_copies_from_the_passages_never_reaches_the_student()
    {
        await using var server = await ScriptedModelServer.AnswerAsync("granite-tiny", ["Leaf\u02C6area ", "index\u02C6measures ", "leaves."], 42, 5);
        using var factory = CanopyBe($"Endpoint={server.BaseAddress}v1;Key=secret-key;Model=granite-tiny");

        var events = await SummarizeAsync(factory);

        Assert.Equal("Leaf area index measures leaves.", string.Concat(events.OfType<DeltaEvent>().Select(e => e.Delta)));
    }

    [SkippableFact]
    public async Task A_real_vllm_or_openai_compatible_server_answers_when_one_is_configured()
    {
        var connection = Environment.GetEnvironmentVariable("CANOPY_TEST_LLM");
        Skip.If(string.IsNullOrEmpty(connection), "CANOPY_TEST_LLM is not set (Endpoint=http://host:8000/v1;Model=...): no vLLM or OpenAI-compatible server is reachable here");
        using var factory = CanopyBe(connection!);

        var events = await SummarizeAsync(factory);

        Assert.Equal("done", events[^1].Type);
        Assert.True(events.Count(e => e.Type == "delta") > 1, "the model streams its answer");
        Assert.True(Assert.IsType<DoneEvent>(events[^1]).Usage.OutputTokens > 0);
    }

    [Fact]
    public async Task An_unreachable_model_ends_the_turn_with_a_clear_error_event()
    {
        using var factory = CanopyBe($"Endpoint=http://127.0.0.1:{ClosedPort()}/v1;Model=missing");

        var events = await SummarizeAsync(factory);

        Assert.Equal(["start", "error"], events.Select(e => e.Type));
        var error = Assert.IsType<ErrorEvent>(events[1]);
        Assert.Equal("generation", error.Stage);
        Assert.Contains("language model is unavailable", error.Message);
    }

    private static int ClosedPort()
    {
        using var socket = new TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
