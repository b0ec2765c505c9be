using Canopy.Contracts.Chat;
using Canopy.Web.Chat;

namespace Canopy.Web.Conversations;

/// <summary>The form a conversation is kept in the browser's localStorage.</summary>
public sealed record StoredConversation(string Id, DateTimeOffset UpdatedAt, StoredTurn[] Turns)
{
    public static StoredConversation From(ConversationView view) =>
        new(view.Id, view.UpdatedAt, [.. view.Turns.Where(t => t.IsFinished).Select(StoredTurn.From)]);

    public ConversationView ToView()
    {
        var view = new ConversationView(Id) { UpdatedAt = UpdatedAt };
        view.Turns.AddRange((Turns ?? []).Select(t => t.ToView()));
        return view;
    }
}

public sealed record StoredTurn(
    string Id, string AskedQuestion, string Question, string Feature, string Answer, TurnStatus Status, string? TraceId, string? SpanId, string? Provider,
    bool Extractive, string? Notice, string? RedactionNote, BlockedEvent? Blocked, string? Error, CitedSource[]? Sources, DoneEvent? Done, string? Rating,
    AgentStep[]? Steps = null, ToolConfirmationView? Confirmation = null, string[]? EarlierTraceIds = null)
{
    // The student assistant's steps and its pending write come back after a reload; older stored turns have none.
    public static StoredTurn From(ChatTurnView t) => new(
        t.Id, t.AskedQuestion, t.Question, t.Feature, t.Answer, t.Status, t.TraceId, t.SpanId, t.Provider, t.Extractive, t.Notice, t.RedactionNote,
        t.Blocked, t.Error, [.. t.Sources], t.Done, t.Rating, t.Steps.Count == 0 ? null : [.. t.Steps], t.Confirmation,
        t.EarlierTraceIds.Count == 0 ? null : [.. t.EarlierTraceIds]);

    public ChatTurnView ToView()
    {
        var view = new ChatTurnView(AskedQuestion, Feature ?? ChatTurnView.DefaultFeature)
        {
            Id = Id,
            Question = Question,
            Status = Status,
            TraceId = TraceId,
            SpanId = SpanId,
            Provider = Provider,
            Extractive = Extractive,
            Notice = Notice,
            RedactionNote = RedactionNote,
            Blocked = Blocked,
            Error = Error,
            Sources = Sources ?? [],
            Done = Done,
            Rating = Rating,
            Steps = [.. Steps ?? []],
            Confirmation = Confirmation,
            EarlierTraceIds = [.. EarlierTraceIds ?? []],
        };
        view.SetAnswer(Answer ?? "");
        return view;
    }
}
