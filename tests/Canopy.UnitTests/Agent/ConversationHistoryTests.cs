using Canopy.Api.Agent;
using Microsoft.Extensions.AI;

namespace Canopy.UnitTests.Agent;

/// <summary>The agent's stored messages: which writes still wait, and where memory may be cut.</summary>
public sealed class ConversationHistoryTests
{
    private static FunctionCallContent Call(string id, string name) => new(id, name, new Dictionary<string, object?> { ["title"] = "x" });

    [Fact]
    public void A_write_waits_until_a_later_message_answers_it()
    {
        var request = new ToolApprovalRequestContent("r1", Call("c1", "create_event"));
        List<ChatMessage> messages = [new(ChatRole.User, "add it"), new(ChatRole.Assistant, [request])];

        Assert.Equal(["r1"], ConversationHistory.Pending(messages).Select(p => p.RequestId));
        Assert.True(ConversationHistory.IsWrite(request));
        Assert.False(ConversationHistory.IsWrite(new ToolApprovalRequestContent("r2", Call("c2", "upcoming_events"))));

        messages.Add(new ChatMessage(ChatRole.User, [request.CreateResponse(true)]));
        Assert.Empty(ConversationHistory.Pending(messages));
    }

    [Fact]
    public void Memory_is_cut_only_where_a_students_own_words_begin()
    {
        var messages = new List<ChatMessage>();
        for (var i = 0; i < 4; i++)
        {
            messages.Add(new ChatMessage(ChatRole.User, $"question {i}"));
            messages.Add(new ChatMessage(ChatRole.Assistant, [Call($"c{i}", "upcoming_events")]));
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent($"c{i}", "[1] an event")]));
            // An answer to an approval is a user message too, but not the student's words: never a place to cut.
            messages.Add(new ChatMessage(ChatRole.User, [new ToolApprovalResponseContent($"r{i}", true, Call($"c{i}", "create_event"))]));
            messages.Add(new ChatMessage(ChatRole.Assistant, $"answer {i}"));
        }

        var kept = ConversationHistory.Trim(messages, 2);

        Assert.Equal(10, kept.Count);
        Assert.Equal("question 2", kept[0].Text);
        Assert.Same(messages, ConversationHistory.Trim(messages, 4));
    }

    [Fact]
    public void A_call_that_never_got_its_result_is_left_out_of_memory_and_answered_ones_stay()
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "who teaches quantum physics?"),
            new(ChatRole.Assistant, [Call("c1", "find_professors_by_expertise")]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "[1] Dr. Amara Okafor")]),
            new(ChatRole.Assistant, [new TextContent("Looking up the exam."), Call("c2", "upcoming_events")]),
        ];

        var settled = ConversationHistory.Settled(messages);

        Assert.Equal(4, settled.Count);
        Assert.Equal(["c1"], settled.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId));
        Assert.Equal("Looking up the exam.", settled[^1].Text);
        Assert.Equal(3, ConversationHistory.Settled([.. messages.Take(2)]).Count + 2);
    }
}
