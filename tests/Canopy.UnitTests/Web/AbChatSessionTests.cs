using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Prompts;
using Canopy.Web;
using Canopy.Web.Chat;
using Canopy.Web.Experiments;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Web;

/// <summary>
/// A chat session against a stand-in canopy-be: with an A/B plan a question is asked twice at once, once per alias, each inside its
/// own <c>chat-turn</c> trace; without one it is asked once, as before.
/// </summary>
public sealed class AbChatSessionTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public AbChatSessionTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WebTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task With_a_plan_each_alias_answers_in_its_own_chat_turn_trace()
    {
        var be = new StandInBackend(planJson: """{"feature":"information-search","champion":1,"challenger":2}""");
        var session = Session(be);

        await session.AskAsync("What is a Bell state?", "information-search", () => Task.CompletedTask, CancellationToken.None);

        var calls = be.Chats.ToList();
        Assert.Equal(new string?[] { PromptAliases.Challenger, PromptAliases.Champion }, calls.Select(c => c.Alias).Order(StringComparer.Ordinal));
        Assert.NotEqual(calls[0].TraceId, calls[1].TraceId);
        Assert.All(calls, c => Assert.Equal(c.Alias, c.TurnAlias));
        var turns = _stopped.Where(a => calls.Any(c => c.TraceId == a.TraceId.ToHexString())).ToList();
        Assert.Equal(2, turns.Count);
        Assert.All(turns, t =>
        {
            Assert.Equal(WebTelemetry.ChatTurnSpan, t.DisplayName);
            Assert.Equal(default, t.ParentSpanId);
            var alias = (string)t.GetTagItem(WebTelemetry.PromptAliasAttribute)!;
            Assert.Equal(alias == PromptAliases.Champion ? 1 : 2, t.GetTagItem(WebTelemetry.PromptVersionAttribute));
            Assert.Single(t.Links, l => turns.Any(o => o != t && o.SpanId == l.Context.SpanId));
        });

        var turn = Assert.Single(session.Turns);
        var pair = Assert.IsType<AbPair>(turn.Ab);
        Assert.Equal(TurnStatus.Done, turn.Status);
        Assert.Equal(pair.A.Answer, turn.Answer);
        Assert.Equal(pair.A.TraceId, turn.TraceId);
        Assert.Equal($"answer by {pair.AliasOf(pair.A)}", pair.A.Answer);
        Assert.Equal($"answer by {pair.AliasOf(pair.B)}", pair.B.Answer);
        Assert.Equal(pair.Champion.TraceId, calls.Single(c => c.Alias == PromptAliases.Champion).TraceId);
        Assert.True(pair.CanChoose);
    }

    [Fact]
    public async Task Without_a_plan_the_question_is_asked_once_with_no_alias()
    {
        var be = new StandInBackend(planJson: null);
        var session = Session(be);

        await session.AskAsync("What is a Bell state?", "information-search", () => Task.CompletedTask, CancellationToken.None);

        var call = Assert.Single(be.Chats);
        Assert.Null(call.Alias);
        var turn = Assert.Single(session.Turns);
        Assert.Null(turn.Ab);
        Assert.Equal(call.TraceId, turn.TraceId);
        Assert.Equal("answer by ", turn.Answer);
        Assert.Null(_stopped.Single(a => a.TraceId.ToHexString() == call.TraceId).GetTagItem(WebTelemetry.AbTestAttribute));
    }

    private static ChatSession Session(StandInBackend be)
    {
        var http = new HttpClient(be) { BaseAddress = new Uri("http://canopy-be") };
        var pseudonyms = new Pseudonyms(Options.Create(new IdentityProviderOptions { PseudonymKey = "k" }), NullLogger<Pseudonyms>.Instance);
        return new ChatSession(new ChatApiClient(http), new AbTestsClient(http, NullLogger<AbTestsClient>.Instance), new Student(), pseudonyms,
            NullLogger<ChatSession>.Instance);
    }

    public void Dispose() => _listener.Dispose();

    private sealed record ChatCall(string? Alias, string TraceId, string? TurnAlias);

    private sealed class Student : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "s-1")], "test"))));
    }

    /// <summary>Answers the plan (or 204) and each chat turn with start, delta and done; notes which chat-turn each chat call was made in.</summary>
    private sealed class StandInBackend(string? planJson) : HttpMessageHandler
    {
        public ConcurrentBag<ChatCall> Chats { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.StartsWith("/api/ab-tests/", StringComparison.Ordinal))
                return planJson is null ? new HttpResponseMessage(HttpStatusCode.NoContent)
                    : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(planJson, Encoding.UTF8, "application/json") };
            var body = JsonSerializer.Deserialize<ChatRequest>(await request.Content!.ReadAsStringAsync(cancellationToken), Json)!;
            var turn = Activity.Current!;
            Chats.Add(new ChatCall(body.PromptAlias, turn.TraceId.ToHexString(), turn.GetTagItem(WebTelemetry.PromptAliasAttribute) as string));
            // Lets the other answer start too, as a real stream would.
            await Task.Yield();
            var version = body.PromptAlias == PromptAliases.Challenger ? 2 : 1;
            ChatEvent[] events =
            [
                new StartEvent(turn.TraceId.ToHexString(), ActivitySpanId.CreateRandom().ToHexString(), body.ConversationId!, body.Feature!, 512, "extractive",
                    "extractive", true, null, version, body.PromptAlias ?? PromptAliases.Champion),
                new DeltaEvent($"answer by {body.PromptAlias}"),
                new DoneEvent("stop", new TokenUsage(1, 1), new StageTimings(null, null, null, null, null, null, 1)),
            ];
            var sse = string.Concat(events.Select(e => $"event: {e.Type}\ndata: {JsonSerializer.Serialize(e, Json)}\n\n"));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(sse, Encoding.UTF8, "text/event-stream") };
        }
    }
}
