using System.Diagnostics;
using System.Text;
using Canopy.Api.Guardrails;
using Canopy.Contracts.Chat;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Agent.Tools;

/// <summary>
/// Every tool call of the agent runs through here: the turn's allowance of calls, a timeout, and the context guardrails
/// on each item of the result before the model sees it (tool results are untrusted text). Kept items are numbered as
/// citations; the model reads them as <c>[n] text</c>.
/// </summary>
public sealed class AgentTool(
    AIFunction declaration, Func<AIFunctionArguments, CancellationToken, Task<ToolOutput>> run, AgentTurn turn,
    GuardrailService guardrails, TimeSpan timeout, ILogger logger) : DelegatingAIFunction(declaration)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var callId = FunctionInvokingChatClient.CurrentContext?.CallContent.CallId ?? Guid.NewGuid().ToString("N");
        if (!turn.TryStartCall())
            return Ended(callId, ToolStatuses.Error, "Not run: this turn has made all the tool calls it may.",
                "No more tool calls are allowed in this turn. Answer with what you have.");

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        ToolOutput output;
        try
        {
            output = await run(arguments, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Ended(callId, ToolStatuses.TimedOut, $"No answer within {timeout.TotalSeconds:0} s.", $"{Name} did not answer in time.");
        }
        catch (ToolInputException ex)
        {
            return Ended(callId, ToolStatuses.Error, ex.Message, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Tool {Tool} failed", Name);
            Activity.Current.RecordError(ex);
            return Ended(callId, ToolStatuses.Error, "The tool failed.", $"{Name} failed; it may work again later.");
        }

        var checkedItems = await guardrails.FilterContextAsync(output.Items, i => i.Text, turn.FeatureId, cancellationToken);
        var text = new StringBuilder();
        foreach (var item in checkedItems.Kept)
            text.AppendLine(item.Source is { } source ? $"[{turn.Cite(source)}] {item.Text}" : item.Text);
        if (checkedItems.Kept.Count == 0 && checkedItems.Dropped.Count > 0)
            return Ended(callId, ToolStatuses.Withheld, "The result was withheld by the guardrails.", "The result was withheld by Canopy's guardrails.");
        var withheld = checkedItems.Dropped.Count > 0 ? $" ({checkedItems.Dropped.Count} withheld by the guardrails)" : "";
        turn.Record(callId, new ToolOutcome(ToolStatuses.Ok, output.Summary + withheld));
        return text.Length > 0 ? text.ToString().TrimEnd() : output.Empty;
    }

    private string Ended(string callId, string status, string summary, string forModel)
    {
        turn.Record(callId, new ToolOutcome(status, summary));
        return forModel;
    }
}
