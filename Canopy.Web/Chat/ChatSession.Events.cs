using Canopy.Contracts.Chat;

namespace Canopy.Web.Chat;

/// <summary>How each of canopy-be's events changes the turn it belongs to.</summary>
public sealed partial class ChatSession
{
    public static void Apply(ChatTurnView turn, ChatEvent e)
    {
        switch (e)
        {
            case StartEvent start:
                turn.TraceId = start.TraceId;
                turn.SpanId = start.SpanId;
                turn.Provider = start.Provider;
                turn.Model = start.Model;
                turn.Extractive = start.Extractive;
                turn.Notice = start.Notice;
                turn.PromptVersion = start.PromptVersion;
                break;
            case GuardrailEvent guardrail:
                turn.RedactionNote = $"Personal data was removed before your question was used: {string.Join(", ", guardrail.Categories.Select(c => c.Replace('_', ' ')))}.";
                turn.Question = guardrail.Text;
                break;
            case BlockedEvent blocked:
                turn.Blocked = blocked;
                turn.Status = TurnStatus.Blocked;
                break;
            case SourcesEvent sources:
                turn.Sources = sources.Sources;
                break;
            case DeltaEvent delta:
                turn.Append(delta.Delta);
                break;
            case ToolCallEvent call:
                turn.Call(call);
                break;
            case ToolResultEvent result:
                turn.Result(result);
                break;
            case ConfirmationEvent confirmation:
                turn.Ask(confirmation);
                break;
            case DoneEvent done:
                turn.Done = done;
                turn.Finish();
                break;
            case ErrorEvent error:
                // Whatever canopy-be's wording, a failed search is shown as search being unavailable, not as a general failure.
                turn.Error = error.Stage == "retrieval" && !error.Message.Contains("search", StringComparison.OrdinalIgnoreCase)
                    ? "The course search service is unavailable right now. Please try again in a moment." : error.Message;
                turn.Status = TurnStatus.Error;
                break;
        }
    }
}
