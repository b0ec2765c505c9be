using System.Text;
using Canopy.Contracts.Search;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm;

/// <summary>The messages sent to the model, and what went into them.</summary>
public sealed record PromptPlan(IReadOnlyList<ChatMessage> Messages, IReadOnlyList<Passage> Passages, int EstimatedTokens, bool Truncated);

/// <summary>
/// Builds the prompt: the feature's system prompt, numbered passages (for features that retrieve) marked as data
/// (<see cref="Datamarking"/>), recent history and the question, dropping the lowest-ranked passages and then the
/// oldest turns first when the budget is short.
/// </summary>
public static class PromptBuilder
{
    public static PromptPlan Build(
        string systemPrompt, string question, IReadOnlyList<Passage>? passages, IReadOnlyList<ChatMessage> history, int budgetTokens)
    {
        var truncated = false;
        var used = TokenEstimate.Of(systemPrompt) + TokenEstimate.Of(question) + 16;
        var included = new List<Passage>();
        foreach (var passage in passages ?? [])
        {
            var cost = TokenEstimate.Of(passage.Text) + TokenEstimate.Of(passage.HeadingPath) + 8;
            if (used + cost > budgetTokens) { truncated = true; break; }
            included.Add(passage);
            used += cost;
        }

        var keptHistory = new List<ChatMessage>();
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var cost = TokenEstimate.Of(history[i].Text) + 4;
            if (used + cost > budgetTokens) { truncated = true; break; }
            keptHistory.Insert(0, history[i]);
            used += cost;
        }

        var system = passages is null ? systemPrompt.TrimEnd() : systemPrompt.TrimEnd() + "\n\n" + FormatPassages(included);
        var messages = new List<ChatMessage> { new(ChatRole.System, system) };
        messages.AddRange(keptHistory);
        messages.Add(new ChatMessage(ChatRole.User, question));
        return new PromptPlan(messages, included, used, truncated);
    }

    public static string FormatPassages(IReadOnlyList<Passage> passages) => FormatPassages(passages, Datamarking.NewTag());

    public static string FormatPassages(IReadOnlyList<Passage> passages, string tag)
    {
        if (passages.Count == 0) return "Course passages: none were found.";
        var text = new StringBuilder(Datamarking.Explanation(tag)).Append("\n\nCourse passages:\n<").Append(tag).Append(">\n");
        for (var i = 0; i < passages.Count; i++)
            text.Append($"[{i + 1}] {Datamarking.Mark(passages[i].HeadingPath)}\n{Datamarking.Mark(passages[i].Text)}\n\n");
        return text.Append("</").Append(tag).Append('>').ToString();
    }
}
