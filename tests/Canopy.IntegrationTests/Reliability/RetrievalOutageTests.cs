using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Canopy.Api;

namespace Canopy.IntegrationTests.Reliability;

/// <summary>
/// canopy-be with canopy-rag gone (nothing listening) or stalled (a listener that never answers): chats end with
/// "search unavailable" within seconds, the rag-query span says why, the circuit opens, and /health says Degraded.
/// </summary>
public sealed class RetrievalOutageTests
{
    private const string Question = "Explain quantum entanglement";

    /// <summary>A first turn that needs no search, so the turns under test meet a warm canopy-be (guardrails loaded, code compiled).</summary>
    private static async Task WarmUpAsync(HttpClient client) =>
        Assert.Equal("done", (await ChatStream.AskAsync(client, "Leaf area index is the leaf area per unit of ground area.", "summarize", TimeSpan.FromMinutes(1)))[^1].Type);

    private static WebApplicationFactory<ChatPipeline> CanopyBe(Uri rag) =>
        new SignedInFactory<ChatPipeline>().WithWebHostBuilder(b => b
            .UseSetting("Canopy:Llm", "extractive")
            .UseSetting("Canopy:Retrieval:ServiceUri", rag.ToString())
            .UseSetting("Canopy:Feedback:DataPath", TestDirectory.Create("canopy-be-outage-tests-")));

    [Fact]
    public async Task A_dead_canopy_rag_fails_chats_fast_opens_the_circuit_and_degrades_health()
    {
        using var spans = new SpanRecorder();
        using var factory = CanopyBe(new Uri($"http://127.0.0.1:{ClosedPort()}"));
        using var client = factory.CreateClient();
        await WarmUpAsync(client);

        var traces = new List<ActivityTraceId>();
        for (var i = 0; i < 4; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var events = await ChatStream.AskAsync(client, Question, null, ChatStream.FailFastDeadline);
            ChatStream.AssertSearchUnavailable(events);
            Console.WriteLine($"dead canopy-rag, chat {i + 1}: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
            traces.Add(ActivityTraceId.CreateFromString(Assert.IsType<StartEvent>(events[0]).TraceId));
        }

        var first = spans.Single(ApiTelemetry.RagQuerySpan, traces[0]);
        Assert.Equal(ActivityStatusCode.Error, first.Status);
        Assert.Equal(typeof(HttpRequestException).FullName, first.GetTagItem("error.type"));
        // A couple of failed searches open the circuit: the fourth chat is refused without a connection attempt.
        var last = spans.Single(ApiTelemetry.RagQuerySpan, traces[^1]);
        Assert.Equal(ActivityStatusCode.Error, last.Status);
        Assert.Equal(typeof(Polly.CircuitBreaker.BrokenCircuitException).FullName, last.GetTagItem("error.type"));

        await AssertDegradedAsync(client);
    }

    [Fact]
    public async Task A_stalled_canopy_rag_fails_chats_within_the_attempt_timeout_and_degrades_health()
    {
        // Accepts connections (the kernel does, as for a SIGSTOPped process) and never answers.
        using var stalled = new TcpListener(IPAddress.Loopback, 0);
        stalled.Start();
        using var factory = CanopyBe(new Uri($"http://127.0.0.1:{((IPEndPoint)stalled.LocalEndpoint).Port}"));
        using var client = factory.CreateClient();
        await WarmUpAsync(client);

        var events = await ChatStream.AskAsync(client, Question, null, ChatStream.FailFastDeadline);

        ChatStream.AssertSearchUnavailable(events);
        await AssertDegradedAsync(client);
    }

    [Fact]
    public async Task Summaries_need_no_search_and_still_answer_while_canopy_rag_is_down()
    {
        using var factory = CanopyBe(new Uri($"http://127.0.0.1:{ClosedPort()}"));
        using var client = factory.CreateClient();

        var events = await ChatStream.AskAsync(client, "Leaf area index is the leaf area per unit of ground area. It controls light interception.", "summarize", TimeSpan.FromSeconds(30));

        Assert.Equal("done", events[^1].Type);
    }

    private static async Task AssertDegradedAsync(HttpClient client)
    {
        using var cts = new CancellationTokenSource(ChatStream.FailFastDeadline);
        using var response = await client.GetAsync("/health", cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync(cts.Token));
    }

    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
