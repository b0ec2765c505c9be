using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Canopy.Contracts.Calendar;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Features;
using Canopy.Web;
using Canopy.Web.Chat;
using Canopy.Web.Experiments;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Web;

/// <summary>
/// The student assistant against a stand-in canopy-be: a turn ends waiting for a write; Confirm sends the answer in the same
/// conversation and streams the continuation into the same turn; a new question instead declines the write.
/// </summary>
public sealed class StudentAssistantSessionTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Confirm_sends_the_answer_and_the_continuation_streams_into_the_same_turn()
    {
        var be = new StandInBackend();
        var session = Session(be);
        await session.AskAsync("Add a study session on Friday at 3 pm", FeatureIds.StudentAssistant, () => Task.CompletedTask, CancellationToken.None);
        var turn = Assert.Single(session.Turns);
        Assert.True(turn.IsAwaiting);
        var firstTrace = turn.TraceId;

        await session.ConfirmAsync(turn, approved: true, () => Task.CompletedTask, CancellationToken.None);

        var continuation = be.Requests[1];
        Assert.Null(continuation.Message);
        Assert.Equal((session.ConversationId, FeatureIds.StudentAssistant), (continuation.ConversationId, continuation.Feature));
        Assert.Equal(new ToolConfirmation("r1", true), Assert.Single(continuation.Confirmations!));
        Assert.Same(turn, Assert.Single(session.Turns));
        Assert.Equal(TurnStatus.Done, turn.Status);
        Assert.Equal([$"{CalendarToolNames.CreateEvent}:{ToolStatuses.Ok}"], turn.Steps.Select(s => $"{s.Tool}:{s.Status}"));
        Assert.Equal("I can add that.\n\nAdded to your calendar [1].", turn.Answer);
        Assert.Equal("Syllabus", Assert.Single(turn.Sources).Title);
        Assert.NotEqual(firstTrace, turn.TraceId);
        Assert.Equal(be.TraceIds[1], turn.TraceId);
        Assert.Equal([firstTrace!], turn.EarlierTraceIds);
    }

    [Fact]
    public async Task A_new_question_while_a_write_waits_declines_it_with_the_question()
    {
        var be = new StandInBackend();
        var session = Session(be);
        await session.AskAsync("Add a study session on Friday at 3 pm", FeatureIds.StudentAssistant, () => Task.CompletedTask, CancellationToken.None);

        await session.AskAsync("Never mind: who teaches physics?", FeatureIds.StudentAssistant, () => Task.CompletedTask, CancellationToken.None);

        var second = be.Requests[1];
        Assert.Equal("Never mind: who teaches physics?", second.Message);
        Assert.Equal(new ToolConfirmation("r1", false), Assert.Single(second.Confirmations!));
        Assert.False(session.Turns[0].IsAwaiting);
        // canopy-be's result for the declined write goes to the turn that asked for it, not the new one.
        Assert.Equal(ToolStatuses.Declined, Assert.Single(session.Turns[0].Steps).Status);
        Assert.Equal("Not created: you said no.", session.Turns[0].Steps[0].Summary);
        Assert.Empty(session.Turns[1].Steps);
    }

    private static ChatSession Session(StandInBackend be)
    {
        var http = new HttpClient(be) { BaseAddress = new Uri("http://canopy-be") };
        var pseudonyms = new Pseudonyms(Options.Create(new IdentityProviderOptions { PseudonymKey = "k" }), NullLogger<Pseudonyms>.Instance);
        return new ChatSession(new ChatApiClient(http), new AbTestsClient(http, NullLogger<AbTestsClient>.Instance), new Student(), pseudonyms,
            NullLogger<ChatSession>.Instance);
    }

    private sealed class Student : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "s-1")], "test"))));
    }

    /// <summary>
    /// No A/B test; a question asks to create an event and waits; a confirmation runs it and answers; a declined write is reported
    /// before the new question is answered. Each stream gets its own trace id.
    /// </summary>
    private sealed class StandInBackend : HttpMessageHandler
    {
        public List<ChatRequest> Requests { get; } = [];
        public ConcurrentDictionary<int, string> TraceIds { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get) return new HttpResponseMessage(HttpStatusCode.NoContent);
            var body = JsonSerializer.Deserialize<ChatRequest>(await request.Content!.ReadAsStringAsync(cancellationToken), Json)!;
            var index = Requests.Count;
            Requests.Add(body);
            var traceId = TraceIds[index] = Guid.NewGuid().ToString("N");
            List<ChatEvent> events = [new StartEvent(traceId, "0123456789abcdef", body.ConversationId!, body.Feature!, 512, "llama", "qwen", false, null)];
            var answer = body.Confirmations?.SingleOrDefault();
            if (answer is { Approved: true })
            {
                events.Add(new ToolResultEvent("c9", CalendarToolNames.CreateEvent, ToolStatuses.Ok, "Created."));
                events.Add(new SourcesEvent([new CitedSource(1, "syllabus", "Syllabus", "s", "h", "t", 0.5)]));
                events.Add(new DeltaEvent("Added to your calendar [1]."));
                events.Add(Done("stop"));
            }
            else if (answer is { Approved: false })
            {
                events.Add(new ToolResultEvent("c9", CalendarToolNames.CreateEvent, ToolStatuses.Declined, "Not created: you said no."));
                events.Add(new DeltaEvent("Professor Curie teaches physics."));
                events.Add(Done("stop"));
            }
            else
            {
                events.Add(new DeltaEvent("I can add that."));
                events.Add(new ConfirmationEvent("r1", "c9", CalendarToolNames.CreateEvent,
                    JsonDocument.Parse("""{"title":"Study session"}""").RootElement.Clone(), "Study session, Friday 15:00"));
                events.Add(Done(ChatTurnView.ConfirmationFinish));
            }
            var sse = string.Concat(events.Select(e => $"event: {e.Type}\ndata: {JsonSerializer.Serialize(e, Json)}\n\n"));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(sse, Encoding.UTF8, "text/event-stream") };
        }

        private static DoneEvent Done(string reason) => new(reason, new TokenUsage(1, 1), new StageTimings(null, null, null, null, null, null, 1));
    }
}
