using System.Text;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Features;

namespace Canopy.Web.Chat;

/// <remarks>Stored by number in the browser, so new states go at the end.</remarks>
public enum TurnStatus { Streaming, Done, Blocked, Error, Stopped, Awaiting }

/// <summary>What the page shows of one question and its answer, filled in as events arrive.</summary>
public sealed partial class ChatTurnView(string question, string feature = ChatTurnView.DefaultFeature)
{
    public const string DefaultFeature = FeatureIds.Default;

    private readonly StringBuilder _answer = new();

    public string Id { get; init; } = Guid.NewGuid().ToString("N")[..8];
    /// <summary>What the student typed; <see cref="Question"/> becomes the redacted text when guardrails removed something.</summary>
    public string AskedQuestion { get; init; } = question;
    public string Question { get; set; } = question;
    public string Feature { get; init; } = feature;
    public string Answer => _answer.ToString();
    public TurnStatus Status { get; set; } = TurnStatus.Streaming;
    public string? TraceId { get; set; }
    public string? SpanId { get; set; }
    public string? Provider { get; set; }
    public string? Model { get; set; }
    /// <summary>The prompt version canopy-be answered with, from the start event.</summary>
    public int? PromptVersion { get; set; }
    public bool Extractive { get; set; }
    public string? Notice { get; set; }
    public string? RedactionNote { get; set; }
    public BlockedEvent? Blocked { get; set; }
    public string? Error { get; set; }
    public IReadOnlyList<CitedSource> Sources { get; set; } = [];
    public DoneEvent? Done { get; set; }
    public string? Rating { get; set; }

    /// <summary>The two answers while this turn is an A/B test; the turn itself then holds the one the conversation goes on with.</summary>
    public AbPair? Ab { get; set; }

    public bool IsFinished => Status != TurnStatus.Streaming;

    public void Append(string delta)
    {
        // A continuation after a confirmation starts a new paragraph rather than running on from the last word.
        if (_breakBeforeNext && _answer.Length > 0 && delta.Length > 0) _answer.Append("\n\n");
        if (delta.Length > 0) _breakBeforeNext = false;
        _answer.Append(delta);
    }

    public void SetAnswer(string answer)
    {
        _answer.Clear();
        _answer.Append(answer);
    }

    /// <summary>Takes what <paramref name="answer"/> (one of an A/B pair) heard from canopy-be, so history and storage see that answer.</summary>
    public void Keep(ChatTurnView answer)
    {
        SetAnswer(answer.Answer);
        (Question, RedactionNote, Status, TraceId, SpanId) = (answer.Question, answer.RedactionNote, answer.Status, answer.TraceId, answer.SpanId);
        (Provider, Model, Extractive, Notice, PromptVersion) = (answer.Provider, answer.Model, answer.Extractive, answer.Notice, answer.PromptVersion);
        (Blocked, Error, Sources, Done) = (answer.Blocked, answer.Error, answer.Sources, answer.Done);
        (Steps, Confirmation, EarlierTraceIds) = (answer.Steps, answer.Confirmation, answer.EarlierTraceIds);
    }
}
