using System.Text;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Features;

namespace Canopy.Web.Chat;

public enum TurnStatus { Streaming, Done, Blocked, Error, Stopped }

/// <summary>What the page shows of one question and its answer, filled in as events arrive.</summary>
public sealed class ChatTurnView(string question, string feature = ChatTurnView.DefaultFeature)
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
    public bool Extractive { get; set; }
    public string? Notice { get; set; }
    public string? RedactionNote { get; set; }
    public BlockedEvent? Blocked { get; set; }
    public string? Error { get; set; }
    public IReadOnlyList<CitedSource> Sources { get; set; } = [];
    public DoneEvent? Done { get; set; }
    public string? Rating { get; set; }

    public bool IsFinished => Status != TurnStatus.Streaming;

    public void Append(string delta) => _answer.Append(delta);

    public void SetAnswer(string answer)
    {
        _answer.Clear();
        _answer.Append(answer);
    }
}
