using System.Text;
using Canopy.Contracts.Chat;

namespace Canopy.Api.OpenAi;

/// <summary>Turns the chat pipeline's events into what an OpenAI client reads: content, finish reason, usage, errors.</summary>
public sealed class CompletionTurn
{
    private readonly StringBuilder _content = new();

    public string? TraceId { get; private set; }
    public IReadOnlyList<CitedSource> Sources { get; private set; } = [];
    public string FinishReason { get; private set; } = "stop";
    public CompletionUsage Usage { get; private set; } = new(0, 0);
    public ErrorEvent? Error { get; private set; }
    public string Content => _content.ToString();

    /// <summary>Applies one event and returns the text it adds to the answer, if any.</summary>
    public string? Apply(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case StartEvent start:
                TraceId = start.TraceId;
                return null;
            case SourcesEvent sources:
                Sources = sources.Sources;
                return null;
            case DeltaEvent delta:
                _content.Append(delta.Delta);
                return delta.Delta;
            case BlockedEvent blocked:
                FinishReason = "content_filter";
                var notice = (_content.Length > 0 ? "\n\n" : "") + $"{blocked.Message} (category: {blocked.Category})";
                _content.Append(notice);
                return notice;
            case DoneEvent done:
                Usage = new CompletionUsage(done.Usage.InputTokens, done.Usage.OutputTokens);
                if (FinishReason != "content_filter") FinishReason = done.FinishReason == "length" ? "length" : "stop";
                if (Sources.Count == 0 || FinishReason == "content_filter") return null;
                var footer = "\n\nSources:\n" + string.Join("\n", SourceLines());
                _content.Append(footer);
                return footer;
            case ErrorEvent error:
                Error = error;
                return null;
            default:
                return null;
        }
    }

    public IEnumerable<string> SourceLines() => Sources.Select(s => $"[{s.Index}] {s.Title} — {s.HeadingPath.Split(" > ").Last()} ({s.Source})");
}
