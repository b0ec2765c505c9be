using Canopy.Contracts.Chat;

namespace Canopy.Web.Chat;

/// <summary>The student assistant's part of a turn: its tool calls, in order, and the write it waits to be confirmed.</summary>
public sealed partial class ChatTurnView
{
    /// <summary>The <see cref="DoneEvent.FinishReason"/> of a turn that ends waiting for the student.</summary>
    public const string ConfirmationFinish = "confirmation";

    private bool _breakBeforeNext;

    public List<AgentStep> Steps { get; set; } = [];
    public ToolConfirmationView? Confirmation { get; set; }
    /// <summary>The traces of this turn before its latest continuation, oldest first; <see cref="TraceId"/> is the latest.</summary>
    public List<string> EarlierTraceIds { get; set; } = [];

    public bool IsAwaiting => Status == TurnStatus.Awaiting && Confirmation is { IsPending: true };

    public bool HasCall(string callId) => Steps.Any(s => s.CallId == callId);

    public void Call(ToolCallEvent call)
    {
        var step = Step(call.CallId, call.Tool);
        (step.Arguments, step.Status, step.Summary, step.TraceId) = (AgentStep.Format(call.Arguments), StepStates.Running, null, TraceId);
    }

    public void Result(ToolResultEvent result)
    {
        var step = Step(result.CallId, result.Tool);
        (step.Status, step.Summary) = (result.Status, result.Summary);
    }

    /// <summary>A write waits: its step says so, and the card asks.</summary>
    public void Ask(ConfirmationEvent confirmation)
    {
        Confirmation = ToolConfirmationView.From(confirmation);
        var step = Step(confirmation.CallId, confirmation.Tool);
        (step.Arguments, step.Status, step.Summary) = (Confirmation.Arguments, StepStates.Awaiting, null);
    }

    /// <summary>Takes the student's answer to the pending write; null when nothing is pending (a second click).</summary>
    public ToolConfirmation? Decide(bool approved)
    {
        if (Confirmation is not { IsPending: true } pending) return null;
        pending.Approved = approved;
        var step = Step(pending.CallId, pending.Tool);
        step.Status = approved ? StepStates.Running : ToolStatuses.Declined;
        if (!approved) step.Summary = "You cancelled it.";
        if (Status == TurnStatus.Awaiting) Status = TurnStatus.Done;
        return pending.Answer(approved);
    }

    /// <summary>The turn goes on after a confirmation, in a new trace; the earlier one stays linked.</summary>
    public void Continue(string? traceId)
    {
        if (TraceId is { } earlier && earlier != traceId) EarlierTraceIds.Add(earlier);
        (TraceId, SpanId, Status, Error, _breakBeforeNext) = (traceId, null, TurnStatus.Streaming, null, true);
    }

    /// <summary>The stream ended: a turn with a pending write waits; a step still running when it failed or stopped never finished.</summary>
    public void Finish()
    {
        if (Status == TurnStatus.Streaming) Status = Confirmation is { IsPending: true } ? TurnStatus.Awaiting : TurnStatus.Done;
        if (Status == TurnStatus.Streaming) return;
        foreach (var step in Steps.Where(s => s.IsRunning)) step.Status = StepStates.Unfinished;
    }

    private AgentStep Step(string callId, string tool)
    {
        if (Steps.LastOrDefault(s => s.CallId == callId) is { } known) return known;
        var step = new AgentStep { CallId = callId, Tool = tool, TraceId = TraceId };
        Steps.Add(step);
        return step;
    }
}
