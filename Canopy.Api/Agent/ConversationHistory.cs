using Canopy.Contracts.Calendar;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Agent;

/// <summary>Reading and trimming the agent's stored messages.</summary>
public static class ConversationHistory
{
    /// <summary>The approval requests of the last answer that no later message has answered: the writes waiting for the student.</summary>
    public static IReadOnlyList<ToolApprovalRequestContent> Pending(IReadOnlyList<ChatMessage> messages)
    {
        var answered = messages.SelectMany(m => m.Contents).OfType<ToolApprovalResponseContent>().Select(r => r.RequestId).ToHashSet();
        return [.. messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>().Where(r => !answered.Contains(r.RequestId))];
    }

    public static bool IsWrite(ToolApprovalRequestContent request) =>
        request.ToolCall is FunctionCallContent call && CalendarToolNames.Writes.Contains(call.Name);

    /// <summary>
    /// The last <paramref name="turns"/> exchanges: cut only where a student's own words begin, so that no tool result
    /// loses its call and no approval its request.
    /// </summary>
    public static List<ChatMessage> Trim(List<ChatMessage> messages, int turns)
    {
        var starts = messages.Select((m, i) => (m, i))
            .Where(x => x.m.Role == ChatRole.User && x.m.Contents.Any(c => c is TextContent)).Select(x => x.i).ToList();
        return starts.Count <= turns ? messages : messages[starts[^turns]..];
    }

    /// <summary>
    /// The messages without tool calls that never got a result (a turn stopped between the model's call and the tool's
    /// answer): a model refuses a history where a call goes unanswered.
    /// </summary>
    public static List<ChatMessage> Settled(List<ChatMessage> messages)
    {
        var answered = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId).ToHashSet();
        var settled = new List<ChatMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (!message.Contents.Any(c => c is FunctionCallContent call && !answered.Contains(call.CallId))) { settled.Add(message); continue; }
            var kept = message.Contents.Where(c => c is not FunctionCallContent call || answered.Contains(call.CallId)).ToList();
            if (kept.Count > 0) settled.Add(new ChatMessage(message.Role, kept) { MessageId = message.MessageId, AuthorName = message.AuthorName });
        }
        return settled;
    }
}
