using Canopy.Contracts.Chat;

namespace Canopy.Web.Chat;

/// <summary>The student assistant's writes: the student's Confirm or Cancel goes back to canopy-be, which goes on with the same turn.</summary>
public sealed partial class ChatSession
{
    /// <summary>
    /// Answers the write <paramref name="turn"/> waits for and streams canopy-be's continuation into that same turn, in a new
    /// <c>chat-turn</c> trace. Does nothing when no write is pending (a second click).
    /// </summary>
    public async Task ConfirmAsync(ChatTurnView turn, bool approved, Func<Task> changed, CancellationToken cancellationToken)
    {
        if (Conversations.Append(Current).FirstOrDefault(c => c.Turns.Contains(turn)) is not { } conversation) return;
        if (turn.Decide(approved) is not { } answer) return;
        var request = ContinuationRequest(conversation.Id, turn.Feature, answer);
        using var activity = WebTelemetry.StartChatTurn(turn.Feature, conversation.Id, await PseudonymAsync());
        turn.Continue(activity?.TraceId.ToHexString());
        conversation.UpdatedAt = DateTimeOffset.UtcNow;
        await changed();
        await StreamAsync(turn, request, activity, changed, cancellationToken, conversation.Turns);
        conversation.UpdatedAt = DateTimeOffset.UtcNow;
        await changed();
    }

    /// <summary>What answers a confirmation: no message, the same conversation and feature (canopy-be keeps the agent's memory).</summary>
    public static ChatRequest ContinuationRequest(string conversationId, string feature, ToolConfirmation answer) =>
        new(Message: null, conversationId, feature, Confirmations: [answer]);

    /// <summary>A new question while a write waits declines it: the student moved on. Null when nothing waits.</summary>
    public static ToolConfirmation[]? DeclinePending(IEnumerable<ChatTurnView> turns)
    {
        ToolConfirmation[] declines = [.. turns.Where(t => t.IsAwaiting).Select(t => t.Decide(approved: false)!)];
        return declines.Length == 0 ? null : declines;
    }

    /// <summary>The turn an event belongs to: a tool result for a call of an earlier turn (a declined write) goes there.</summary>
    private static ChatTurnView OwnerOf(ChatEvent e, ChatTurnView turn, IReadOnlyList<ChatTurnView>? earlier) =>
        e is ToolResultEvent result && !turn.HasCall(result.CallId) && earlier?.LastOrDefault(t => t != turn && t.HasCall(result.CallId)) is { } owner
            ? owner : turn;
}
