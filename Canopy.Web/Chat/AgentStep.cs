using System.Text.Encodings.Web;
using System.Text.Json;
using Canopy.Contracts.Chat;

namespace Canopy.Web.Chat;

/// <summary>How far a step is; once it ended, <see cref="AgentStep.Status"/> holds one of <see cref="ToolStatuses"/> instead.</summary>
public static class StepStates
{
    /// <summary>The tool_call arrived, its tool_result not yet.</summary>
    public const string Running = "running";
    /// <summary>A write waits for the student's Confirm or Cancel.</summary>
    public const string Awaiting = "awaiting";
    /// <summary>The turn failed or was stopped before the tool answered.</summary>
    public const string Unfinished = "unfinished";

    /// <summary>The status as the badge says it: words, so it is not told by colour alone.</summary>
    public static string Label(string status) => status switch
    {
        Running => "running…",
        Awaiting => "waiting for you",
        Unfinished => "not finished",
        ToolStatuses.Ok => "ok",
        ToolStatuses.Error => "error",
        ToolStatuses.TimedOut => "timed out",
        ToolStatuses.Declined => "declined",
        ToolStatuses.Withheld => "withheld",
        _ => status,
    };
}

/// <summary>One tool call of the student assistant as the turn shows it; also the form it is stored in with the turn.</summary>
public sealed class AgentStep
{
    // Relaxed escaping keeps quotes and accents readable; Blazor escapes the text when it renders it.
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string CallId { get; set; } = "";
    public string Tool { get; set; } = "";
    /// <summary>The arguments the model gave, as indented JSON.</summary>
    public string Arguments { get; set; } = "{}";
    public string Status { get; set; } = StepStates.Running;
    public string? Summary { get; set; }
    /// <summary>The trace the call ran in: a turn continued after a confirmation spans two.</summary>
    public string? TraceId { get; set; }

    public bool IsRunning => Status == StepStates.Running;

    public static string Format(JsonElement arguments) =>
        arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "{}" : JsonSerializer.Serialize(arguments, Pretty);
}

/// <summary>A write the student assistant asked the student about; <see cref="Approved"/> is null until Confirm or Cancel.</summary>
public sealed class ToolConfirmationView
{
    public string RequestId { get; set; } = "";
    public string CallId { get; set; } = "";
    public string Tool { get; set; } = "";
    public string Arguments { get; set; } = "{}";
    public string Summary { get; set; } = "";
    public bool? Approved { get; set; }

    public bool IsPending => Approved is null;

    public static ToolConfirmationView From(ConfirmationEvent e) =>
        new() { RequestId = e.RequestId, CallId = e.CallId, Tool = e.Tool, Arguments = AgentStep.Format(e.Arguments), Summary = e.Summary };

    /// <summary>The answer canopy-be takes in the conversation's next request.</summary>
    public ToolConfirmation Answer(bool approved) => new(RequestId, approved);
}
