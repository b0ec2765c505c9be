using System.Text.Json;
using Canopy.Contracts.Chat;
using Canopy.Web.Chat;
using Canopy.Web.Conversations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Canopy.UnitTests.Web;

public sealed class ConversationTests
{
    private static ChatTurnView Turn(string question, string answer, TurnStatus status = TurnStatus.Done)
    {
        var turn = new ChatTurnView(question) { Status = status, TraceId = "0123456789abcdef0123456789abcdef", SpanId = "0123456789abcdef" };
        turn.SetAnswer(answer);
        return turn;
    }

    [Fact]
    public void Conversations_survive_the_round_trip_through_storage()
    {
        var conversation = ConversationView.New();
        var turn = Turn("What is a Bell state?", "A maximally entangled state [1].");
        turn.Sources = [new CitedSource(1, "doc", "Notes", "corpus/doc.md", "Notes > Bell", "Bell states are...", 0.5)];
        turn.Done = new DoneEvent("stop", new TokenUsage(3, 4), new StageTimings(1, 2, 3, 4, 5, 6, 21));
        turn.Rating = "up";
        conversation.Turns.Add(turn);

        var restored = Assert.Single(ConversationStore.Parse(ConversationStore.Serialize([conversation]), NullLogger.Instance));

        Assert.Equal(conversation.Id, restored.Id);
        var back = Assert.Single(restored.Turns);
        Assert.Equal((turn.Id, turn.Question, turn.Answer, turn.TraceId, turn.SpanId, "up"), (back.Id, back.Question, back.Answer, back.TraceId, back.SpanId, back.Rating));
        Assert.Equal("Notes > Bell", Assert.Single(back.Sources).HeadingPath);
        Assert.Equal(21, back.Done!.Timings.TotalMs);
        Assert.Equal("What is a Bell state?", restored.Title);
    }

    [Fact]
    public void Empty_conversations_and_unfinished_turns_are_not_stored_and_the_list_is_capped()
    {
        var many = Enumerable.Range(0, ConversationStore.MaxConversations + 5).Select(i =>
        {
            var c = ConversationView.New();
            c.Turns.Add(Turn($"q{i}", "a"));
            c.UpdatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i);
            return c;
        }).ToList();
        many[^1].Turns.Add(Turn("still streaming", "", TurnStatus.Streaming));
        many.Add(ConversationView.New());

        var stored = JsonSerializer.Deserialize<JsonElement[]>(ConversationStore.Serialize(many))!;

        Assert.Equal(ConversationStore.MaxConversations, stored.Length);
        Assert.Equal(1, stored[0].GetProperty("turns").GetArrayLength());
        Assert.Equal($"q{ConversationStore.MaxConversations + 4}", stored[0].GetProperty("turns")[0].GetProperty("askedQuestion").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"old\":\"format\"}")]
    [InlineData("")]
    public void Unreadable_storage_starts_an_empty_list(string json) =>
        Assert.Empty(ConversationStore.Parse(json, NullLogger.Instance));

    [Fact]
    public void Only_answered_turns_go_back_to_canopy_be_as_history()
    {
        List<ChatTurnView> turns =
        [
            Turn("q1", "a1"),
            Turn("blocked", "", TurnStatus.Blocked),
            Turn("stopped", "half", TurnStatus.Stopped),
            Turn("q2", "a2"),
        ];

        var history = ChatSession.History(turns);

        Assert.Equal(["user:q1", "assistant:a1", "user:q2", "assistant:a2"], history.Select(h => $"{h.Role}:{h.Content}"));
    }

    [Fact]
    public void History_keeps_the_latest_turns()
    {
        var turns = Enumerable.Range(0, ChatSession.HistoryTurns + 3).Select(i => Turn($"q{i}", $"a{i}")).ToList();

        var history = ChatSession.History(turns);

        Assert.Equal(ChatSession.HistoryTurns * 2, history.Count);
        Assert.Equal("q3", history[0].Content);
    }

    [Fact]
    public void Sessions_restore_stored_conversations_once_and_select_and_delete_them()
    {
        var session = new ChatSession(null!, null!, null!, null!, NullLogger<ChatSession>.Instance);
        var stored = ConversationView.New();
        stored.Turns.Add(Turn("q", "a"));
        stored.Turns[0].Sources = [new CitedSource(2, "doc", "Notes", "s", "h", "the passage", 0.1)];

        session.Restore([stored]);
        session.Restore([stored]);
        Assert.Single(session.Conversations);

        Assert.True(session.Select(stored.Id));
        Assert.Equal(stored.Id, session.ConversationId);
        Assert.Equal("the passage", session.FindSource(stored.Turns[0].Id, 2)?.Text);
        Assert.Null(session.FindSource(stored.Turns[0].Id, 1));

        session.Delete(stored.Id);
        Assert.Empty(session.Conversations);
        Assert.NotEqual(stored.Id, session.ConversationId);
        Assert.False(session.Select(stored.Id));
    }
}
