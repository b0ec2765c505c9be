using System.Text;
using System.Text.Json;
using Canopy.Contracts.Calendar;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Features;
using Canopy.Web.Chat;
using Canopy.Web.Conversations;
using Canopy.Web.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace Canopy.UnitTests.Web;

/// <summary>The student assistant in the chat: its steps fill the turn in order, a write waits as a card, and the picker hides it without a model.</summary>
public sealed class StudentAssistantUiTests
{
    [Fact]
    public void A_tool_call_is_a_running_step_and_its_result_finishes_it_with_its_status()
    {
        var turn = new ChatTurnView("Who teaches machine learning?", FeatureIds.StudentAssistant);
        ChatSession.Apply(turn, Event("tool_call", """{"callId":"c1","tool":"find_professors_by_expertise","arguments":{"expertise":"machine learning"}}"""));

        var step = Assert.Single(turn.Steps);
        Assert.Equal(("c1", "find_professors_by_expertise", StepStates.Running, "running…"), (step.CallId, step.Tool, step.Status, StepStates.Label(step.Status)));
        Assert.Equal("Find professors", ToolNames.Readable(step.Tool));
        Assert.Contains("\"expertise\": \"machine learning\"", step.Arguments);
        Assert.Contains('\n', step.Arguments);

        ChatSession.Apply(turn, Event("tool_call", """{"callId":"c2","tool":"upcoming_events","arguments":{}}"""));
        ChatSession.Apply(turn, Event("tool_result", """{"callId":"c1","tool":"find_professors_by_expertise","status":"ok","summary":"2 professors found"}"""));
        ChatSession.Apply(turn, Event("tool_result", """{"callId":"c2","tool":"upcoming_events","status":"timeout","summary":"The calendar did not answer in time."}"""));

        Assert.Equal(["c1:ok:2 professors found", "c2:timeout:The calendar did not answer in time."],
            turn.Steps.Select(s => $"{s.CallId}:{s.Status}:{s.Summary}"));
        Assert.Equal("timed out", StepStates.Label(turn.Steps[1].Status));
        Assert.Equal("Upcoming events", ToolNames.Readable(turn.Steps[1].Tool));
    }

    [Fact]
    public void Steps_still_running_when_the_turn_fails_are_marked_unfinished()
    {
        var turn = new ChatTurnView("q", FeatureIds.StudentAssistant);
        ChatSession.Apply(turn, new ToolCallEvent("c1", ToolNames.SearchKnowledgeBase, Json("""{"query":"bell"}""")));
        ChatSession.Apply(turn, new ErrorEvent("agent", "boom", "The assistant failed."));
        turn.Finish();

        Assert.Equal(StepStates.Unfinished, Assert.Single(turn.Steps).Status);
    }

    [Fact]
    public void A_confirmation_waits_as_a_pending_card_and_its_step_waits_for_the_student()
    {
        var turn = AwaitingTurn();

        Assert.Equal(TurnStatus.Awaiting, turn.Status);
        Assert.True(turn.IsAwaiting);
        var card = turn.Confirmation!;
        Assert.Equal(("r1", "c9", CalendarToolNames.CreateEvent, "Study session, Friday 15:00"), (card.RequestId, card.CallId, card.Tool, card.Summary));
        Assert.Contains("\"title\": \"Study session\"", card.Arguments);
        Assert.Equal("create an event", ToolNames.Action(card.Tool));
        Assert.Equal(StepStates.Awaiting, turn.Steps.Single(s => s.CallId == "c9").Status);
    }

    [Fact]
    public void Confirming_builds_the_answer_for_the_same_conversation_and_a_second_click_sends_nothing()
    {
        var turn = AwaitingTurn();

        var answer = turn.Decide(approved: true);
        var request = ChatSession.ContinuationRequest("conv-1", turn.Feature, answer!);

        Assert.Null(request.Message);
        Assert.Equal(("conv-1", FeatureIds.StudentAssistant), (request.ConversationId, request.Feature));
        Assert.Equal(new ToolConfirmation("r1", true), Assert.Single(request.Confirmations!));
        Assert.Null(turn.Decide(approved: false));
        Assert.Equal(StepStates.Running, turn.Steps.Single(s => s.CallId == "c9").Status);
    }

    [Fact]
    public void The_continuation_lands_in_the_same_turn_with_its_own_trace()
    {
        var turn = AwaitingTurn();
        turn.Decide(approved: true);

        turn.Continue("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        ChatSession.Apply(turn, Start("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
        ChatSession.Apply(turn, new ToolResultEvent("c9", CalendarToolNames.CreateEvent, ToolStatuses.Ok, "Created \"Study session\" on Friday."));
        ChatSession.Apply(turn, new DeltaEvent("Done: it is on your calendar."));
        ChatSession.Apply(turn, Done("stop"));

        Assert.Equal(TurnStatus.Done, turn.Status);
        Assert.False(turn.Confirmation!.IsPending);
        Assert.Equal(["c1:ok", "c9:ok"], turn.Steps.Select(s => $"{s.CallId}:{s.Status}"));
        Assert.Equal("I will add it.\n\nDone: it is on your calendar.", turn.Answer);
        Assert.Equal("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", turn.TraceId);
        Assert.Equal(["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], turn.EarlierTraceIds);
    }

    [Fact]
    public void A_new_question_declines_the_pending_write()
    {
        var waiting = AwaitingTurn();
        var answered = new ChatTurnView("earlier") { Status = TurnStatus.Done };

        var declines = ChatSession.DeclinePending([answered, waiting]);

        Assert.Equal(new ToolConfirmation("r1", false), Assert.Single(declines!));
        Assert.False(waiting.IsAwaiting);
        Assert.Equal(ToolStatuses.Declined, waiting.Steps.Single(s => s.CallId == "c9").Status);
        Assert.Null(ChatSession.DeclinePending([answered, waiting]));
    }

    [Fact]
    public void Steps_and_a_pending_write_come_back_after_a_reload()
    {
        var conversation = ConversationView.New();
        var turn = AwaitingTurn();
        turn.EarlierTraceIds.Add("cccccccccccccccccccccccccccccccc");
        conversation.Turns.Add(turn);

        var back = Assert.Single(Assert.Single(ConversationStore.Parse(ConversationStore.Serialize([conversation]), NullLogger.Instance)).Turns);

        Assert.Equal(TurnStatus.Awaiting, back.Status);
        Assert.Equal(turn.Steps.Select(s => (s.CallId, s.Tool, s.Status, s.Summary, s.Arguments, s.TraceId)),
            back.Steps.Select(s => (s.CallId, s.Tool, s.Status, s.Summary, s.Arguments, s.TraceId)));
        Assert.Equal(("r1", true), (back.Confirmation!.RequestId, back.IsAwaiting));
        Assert.Equal(["cccccccccccccccccccccccccccccccc"], back.EarlierTraceIds);
    }

    [Theory]
    [InlineData("extractive", false)]
    [InlineData("llama", false)]
    [InlineData("endpoint", true)]
    public void The_picker_offers_tool_features_only_while_a_model_that_calls_tools_answers(string provider, bool offered)
    {
        var menu = Menu(provider);

        Assert.Equal(offered, menu.Offers(FeatureIds.StudentAssistant));
        Assert.True(menu.Offers(FeatureIds.InformationSearch));
        Assert.Equal(offered ? 2 : 1, menu.Offered.Count());
    }

    [Fact]
    public void The_student_assistant_says_what_its_tools_do()
    {
        var description = Menu("vllm").Offered.Single(f => f.Id == FeatureIds.StudentAssistant).Description;

        Assert.Contains("documents", description);
        Assert.Contains("professors", description);
        Assert.Contains("calendar", description);
    }

    [Fact]
    public void A_link_to_the_assistant_falls_back_to_the_default_with_a_notice_when_the_model_calls_no_tools()
    {
        Assert.Equal((FeatureIds.StudentAssistant, null), Menu("vllm").Choose(FeatureIds.StudentAssistant));

        var (feature, notice) = Menu("extractive").Choose(FeatureIds.StudentAssistant);

        Assert.Equal(FeatureIds.InformationSearch, feature);
        Assert.Contains("Student assistant needs a model that calls tools", notice);
        Assert.Equal((FeatureIds.InformationSearch, null), Menu("extractive").Choose(null));
    }

    private static FeatureMenu Menu(string provider) => new(
        [
            FeatureMenu.InformationSearch,
            new FeatureFlag(FeatureIds.StudentAssistant, "Student assistant", "An agent.", true, "m", 0.2f, 512, 4096, UsesRetrieval: true, UsesTools: true),
        ],
        new ProviderInfo(provider, "m", provider == "extractive", null, CallsTools: provider is "vllm" or "endpoint"), MenuSource.Api);

    /// <summary>A turn that searched, then asked to create an event and ended waiting, as canopy-be streams it.</summary>
    private static ChatTurnView AwaitingTurn()
    {
        var turn = new ChatTurnView("Add a study session on Friday at 3 pm", FeatureIds.StudentAssistant);
        ChatSession.Apply(turn, Start("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        ChatSession.Apply(turn, new ToolCallEvent("c1", CalendarToolNames.EventsByDate, Json("""{"date":"2026-12-04"}""")));
        ChatSession.Apply(turn, new ToolResultEvent("c1", CalendarToolNames.EventsByDate, ToolStatuses.Ok, "No events on Friday."));
        ChatSession.Apply(turn, new DeltaEvent("I will add it."));
        ChatSession.Apply(turn, Event("confirmation",
            """{"requestId":"r1","callId":"c9","tool":"create_event","arguments":{"title":"Study session","date":"2026-12-04","startTime":"15:00"},"summary":"Study session, Friday 15:00"}"""));
        ChatSession.Apply(turn, Done(ChatTurnView.ConfirmationFinish));
        return turn;
    }

    private static StartEvent Start(string traceId) =>
        new(traceId, "0123456789abcdef", "conv-1", FeatureIds.StudentAssistant, 512, "llama", "qwen", false, null);

    private static DoneEvent Done(string reason) => new(reason, new TokenUsage(1, 1), new StageTimings(null, null, null, null, null, null, 1));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static ChatEvent Event(string type, string json) => ChatEventStream.Parse(type, Encoding.UTF8.GetBytes(json))!;
}
