using System.Net;
using System.Text.Json;

namespace Canopy.IntegrationTests.Reliability;

/// <summary>
/// Real processes under the real AppHost: canopy-rag killed (idle and mid-stream) or stopped, canopy-be killed right
/// after acknowledging feedback. Chats fail fast with "search unavailable" and recover without restarting canopy-be.
/// </summary>
[Collection(FaultAppCollection.Name)]
public sealed class ProcessFaultTests(FaultAppFixture app)
{
    private const string Question = "Explain quantum entanglement";
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Canopy_rag_killed_while_idle_fails_chats_fast_then_recovers_without_restarting_canopy_be()
    {
        using var be = app.Client(FaultAppFixture.Be);
        var bePid = app.Pid(FaultAppFixture.Be);

        var ragPid = await app.KillAsync(FaultAppFixture.Rag);
        try
        {
            // The AppHost's watchdog starts canopy-rag again a second after the kill, so it is down only for that second
            // and its start-up: the health probe and a chat are asked at once, inside that window.
            await Task.WhenAll(AssertHealthAsync(be, "Degraded"), AssertChatFailsFastAsync(be));
        }
        finally
        {
            await app.RestartAsync(FaultAppFixture.Rag, ragPid);
        }
        await AssertRecoversAsync(be);
        await AssertHealthAsync(be, "Healthy");
        Assert.Equal(bePid, app.Pid(FaultAppFixture.Be));
    }

    [Fact]
    public async Task Canopy_rag_killed_mid_stream_lets_the_answer_finish_and_fails_the_next_chat_fast()
    {
        using var be = app.Client(FaultAppFixture.Be);
        using var deadline = new CancellationTokenSource(RecoveryDeadline);
        using var response = await be.PostAsJsonAsync("/api/chat", new { message = Question }, deadline.Token);
        var events = new List<ChatEvent>();
        int? ragPid = null;
        Task<List<ChatEvent>>? next = null;
        await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(deadline.Token), deadline.Token))
        {
            events.Add(e);
            // The answer is streaming (retrieval done, words arriving 20 ms apart): canopy-rag dies now, and the next chat
            // is asked at once, inside the second before the AppHost's watchdog starts canopy-rag again (asked after
            // the answer ended, it raced the restart).
            if (e.Type == "delta" && ragPid is null)
            {
                ragPid = await app.KillAsync(FaultAppFixture.Rag);
                next = ChatStream.AskAsync(be, Question, null, ChatStream.FailFastDeadline);
            }
        }

        Assert.NotNull(ragPid);
        try
        {
            Assert.Equal("done", events[^1].Type);
            ChatStream.AssertSearchUnavailable(await next!);
        }
        finally
        {
            await app.RestartAsync(FaultAppFixture.Rag, ragPid.Value);
        }
        await AssertRecoversAsync(be);
    }

    [Fact]
    public async Task Canopy_rag_stopped_with_sigstop_fails_chats_fast_and_recovers_after_sigcont()
    {
        using var be = app.Client(FaultAppFixture.Be);
        var ragPid = app.Pid(FaultAppFixture.Rag);

        ProcessSignals.SignalTree(ragPid, ProcessSignals.SigStop);
        try
        {
            await AssertChatsFailFastAsync(be);
            await AssertHealthAsync(be, "Degraded");
        }
        finally
        {
            ProcessSignals.SignalTree(ragPid, ProcessSignals.SigCont);
        }

        await AssertRecoversAsync(be);
        Assert.Equal(ragPid, app.Pid(FaultAppFixture.Rag));
    }

    [Fact]
    public async Task Acknowledged_feedback_survives_a_kill_of_canopy_be_right_after_the_answer()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using (var be = app.Client(FaultAppFixture.Be))
        {
            using var created = await be.PostAsJsonAsync("/api/feedback", new { traceId, rating = "down", comment = "kill -9 follows" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var bePid = await app.KillAsync(FaultAppFixture.Be);

        await app.RestartAsync(FaultAppFixture.Be, bePid);
        using var restarted = app.Client(FaultAppFixture.Be);
        var listed = await restarted.GetFromJsonAsync<JsonElement>("/api/feedback?limit=1000");
        Assert.Single(listed.EnumerateArray(), f => f.GetProperty("traceId").GetString() == traceId);
        await app.WarmUpAsync();
    }

    /// <summary>Three chats in a row each end within the deadline with the search-unavailable error (the circuit opens on the way).</summary>
    private static async Task AssertChatsFailFastAsync(HttpClient be)
    {
        for (var i = 0; i < 3; i++)
            ChatStream.AssertSearchUnavailable(await ChatStream.AskAsync(be, Question, null, ChatStream.FailFastDeadline));
    }

    private static async Task AssertChatFailsFastAsync(HttpClient be) =>
        ChatStream.AssertSearchUnavailable(await ChatStream.AskAsync(be, Question, null, ChatStream.FailFastDeadline));

    /// <summary>Asks until an answer with sources comes back: the circuit closes by itself once canopy-rag answers again.</summary>
    private static async Task AssertRecoversAsync(HttpClient be)
    {
        var until = DateTime.UtcNow + RecoveryDeadline;
        List<ChatEvent> events = [];
        while (DateTime.UtcNow < until)
        {
            events = await ChatStream.AskAsync(be, Question, null, RecoveryDeadline);
            if (events[^1].Type == "done") break;
            await Task.Delay(250);
        }
        Assert.Equal("done", events[^1].Type);
        Assert.Contains(events, e => e.Type == "sources");
    }

    private static async Task AssertHealthAsync(HttpClient be, string expected)
    {
        var until = DateTime.UtcNow + RecoveryDeadline;
        var status = "";
        while (DateTime.UtcNow < until)
        {
            using var cts = new CancellationTokenSource(ChatStream.FailFastDeadline);
            status = await be.GetStringAsync("/health", cts.Token);
            if (status == expected) return;
            await Task.Delay(250);
        }
        Assert.Equal(expected, status);
    }
}
