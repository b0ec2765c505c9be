using System.Text;

namespace Canopy.Web.Chat;

public enum TurnStatus { Streaming, Done, Blocked, Error, Stopped }

/// <summary>What the page shows of one question and its answer, filled in as events arrive.</summary>
public sealed class ChatTurnView(string question)
{
    private readonly StringBuilder _answer = new();

    public string Id { get; } = Guid.NewGuid().ToString("N")[..8];
    public string Question { get; set; } = question;
    public string Answer => _answer.ToString();
    public TurnStatus Status { get; set; } = TurnStatus.Streaming;
    public string? TraceId { get; set; }
    public string? Provider { get; set; }
    public bool Extractive { get; set; }
    public string? Notice { get; set; }
    public string? RedactionNote { get; set; }
    public BlockedPayload? Blocked { get; set; }
    public string? Error { get; set; }
    public IReadOnlyList<SourcePayload> Sources { get; set; } = [];
    public DonePayload? Done { get; set; }

    public void Append(string delta) => _answer.Append(delta);
}
