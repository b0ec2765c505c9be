using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Canopy.Api.Agent.Memory;
using Canopy.Api.Agent.Tools;
using Canopy.Api.Llm;
using Canopy.Contracts.Calendar;
using Canopy.Contracts.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Agent;

/// <summary>
/// The student assistant: Microsoft.Extensions.AI's function-invoking loop over the provider's model, inside one
/// <c>invoke_agent</c> span, with the turn's tools and the conversation's memory. It streams each tool call and result
/// before the answer; a write to the calendar ends the turn until the student confirms it.
/// </summary>
public sealed class StudentAssistantAgent(
    AgentToolbox toolbox, IConversationMemory memory, ConversationOwner owners, IOptions<AgentOptions> options, ILoggerFactory loggers, IServiceProvider services, TimeProvider time)
{
    public const string AgentName = "student-assistant";

    /// <param name="onText">Hears each piece of the answer's text (the pipeline's output guardrails sit there).</param>
    public async Task<AgentResult> RunAsync(AgentRequest request, Func<ChatEvent, ValueTask> emit, Func<string, ValueTask> onText, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        var owner = owners.Current;
        var stored = await memory.LoadAsync(request.ConversationId, owner, cancellationToken);
        var history = new List<ChatMessage>(stored);
        var turn = new AgentTurn(request.FeatureId, settings.MaxToolCallsPerTurn);
        var ended = new HashSet<string>();

        var answers = Answer(ConversationHistory.Pending(history), request.Confirmations, turn);
        if (answers.Count > 0) history.Add(new ChatMessage(ChatRole.User, answers));
        if (request.Message is { } message) history.Add(new ChatMessage(ChatRole.User, message));
        history = ConversationHistory.Trim(history, settings.MemoryTurns);

        using var agent = ApiTelemetry.Source.StartActivity($"{ApiTelemetry.InvokeAgentOperation} {AgentName}");
        agent?.SetTag("gen_ai.operation.name", ApiTelemetry.InvokeAgentOperation);
        agent?.SetTag("gen_ai.agent.name", AgentName);
        agent?.SetTag("gen_ai.provider.name", request.Provider.Name);
        agent?.SetTag("gen_ai.request.model", request.Prompt.Settings.Model is { Length: > 0 } m ? m : request.Provider.Model);
        agent?.SetTag("gen_ai.conversation.id", request.ConversationId);

        await using var tools = await toolbox.OpenAsync(turn, cancellationToken);
        foreach (var declined in answers.OfType<ToolApprovalResponseContent>().Where(a => !a.Approved))
            await EmitResultAsync(declined.ToolCall.CallId, declined.ToolCall is FunctionCallContent f ? f.Name : "", turn, ended, emit);
        foreach (var approved in answers.OfType<ToolApprovalResponseContent>().Where(a => a.Approved && a.ToolCall is FunctionCallContent))
            await emit(new ToolCallEvent(approved.ToolCall.CallId, ((FunctionCallContent)approved.ToolCall).Name, Arguments((FunctionCallContent)approved.ToolCall)));

        var client = new FunctionInvokingChatClient(Model(request.Provider), loggers, services)
        {
            MaximumIterationsPerRequest = settings.MaxToolCallsPerTurn + 1,
            AllowConcurrentInvocation = false,
        };
        var chatOptions = new ChatOptions
        {
            ModelId = request.Prompt.Settings.Model is { Length: > 0 } model ? model : null,
            Temperature = request.Prompt.Settings.Temperature,
            MaxOutputTokens = request.Prompt.Settings.MaxTokens,
            Tools = tools.Tools,
            ToolMode = ChatToolMode.Auto,
        };
        var messages = new List<ChatMessage> { new(ChatRole.System, SystemPrompt(request.Prompt.Settings.Prompt, tools.CalendarProblem)) };
        messages.AddRange(history);

        var updates = new List<ChatResponseUpdate>();
        var pending = new List<ToolApprovalRequestContent>();
        long input = 0, output = 0;
        string? finish = null;
        var sourceCount = 0;
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(messages, chatOptions, cancellationToken))
            {
                updates.Add(update);
                if (update.FinishReason is { } reason) finish = reason.Value;
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case FunctionCallContent { InformationalOnly: false } call:
                            await emit(new ToolCallEvent(call.CallId, call.Name, Arguments(call)));
                            break;
                        case ToolApprovalRequestContent approval:
                            pending.Add(approval);
                            if (ConversationHistory.IsWrite(approval) && approval.ToolCall is FunctionCallContent write)
                                await emit(new ConfirmationEvent(approval.RequestId, write.CallId, write.Name, Arguments(write), Describe(write)));
                            break;
                        case FunctionResultContent result:
                            await EmitResultAsync(result.CallId, NameOf(result.CallId, messages, updates), turn, ended, emit);
                            break;
                        case TextContent text when !string.IsNullOrEmpty(text.Text):
                            await onText(text.Text);
                            break;
                        case UsageContent usage:
                            (input, output) = (input + (usage.Details.InputTokenCount ?? 0), output + (usage.Details.OutputTokenCount ?? 0));
                            break;
                    }
                }
                if (turn.Sources.Count != sourceCount)
                {
                    sourceCount = turn.Sources.Count;
                    await emit(new SourcesEvent(turn.Sources));
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            agent.RecordError(ex);
            throw;
        }
        finally
        {
            // Kept even when the turn fails or is stopped: a write that already ran must never wait for confirmation again.
            history.AddMessages(updates);
            await memory.SaveAsync(request.ConversationId, owner, ConversationHistory.Settled(history), CancellationToken.None);
        }
        var finishReason = pending.Any(ConversationHistory.IsWrite) ? "confirmation" : finish ?? "stop";
        return new AgentResult(finishReason, input, output, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Answers every pending approval: a write as the student said (declined when they said nothing), a read at once (it
    /// was held back only because it came with a write).
    /// </summary>
    private static List<AIContent> Answer(IReadOnlyList<ToolApprovalRequestContent> pending, IReadOnlyList<ToolConfirmation> confirmations, AgentTurn turn)
    {
        var answers = new List<AIContent>();
        foreach (var request in pending)
        {
            var approved = ConversationHistory.IsWrite(request) ? confirmations.Any(c => c.RequestId == request.RequestId && c.Approved) : true;
            if (!approved) turn.Record(request.ToolCall.CallId, new ToolOutcome(ToolStatuses.Declined, "Not done: the student declined."));
            answers.Add(request.CreateResponse(approved, approved ? null : "The student declined this change."));
        }
        return answers;
    }

    private static async ValueTask EmitResultAsync(string callId, string tool, AgentTurn turn, HashSet<string> ended, Func<ChatEvent, ValueTask> emit)
    {
        if (!ended.Add(callId)) return;
        var outcome = turn.OutcomeOf(callId) ?? new ToolOutcome(ToolStatuses.Error, "The tool could not be run.");
        await emit(new ToolResultEvent(callId, tool, outcome.Status, outcome.Summary));
    }

    private static string NameOf(string callId, List<ChatMessage> messages, List<ChatResponseUpdate> updates) =>
        messages.SelectMany(m => m.Contents).Concat(updates.SelectMany(u => u.Contents))
            .Select(c => c switch { FunctionCallContent f => f, ToolApprovalRequestContent { ToolCall: FunctionCallContent f } => f, _ => null })
            .LastOrDefault(f => f?.CallId == callId)?.Name ?? "";

    private string SystemPrompt(string prompt, string? calendarProblem)
    {
        var today = time.GetLocalNow().ToString("dddd d MMMM yyyy (yyyy-MM-dd)", CultureInfo.InvariantCulture);
        return $"{prompt}\nToday is {today}.{(calendarProblem is null ? "" : "\n" + calendarProblem)}";
    }

    private static IChatClient Model(LlmProvider provider) =>
        provider is { CallsTools: true, Answerer: ModelAnswerer model } ? model.Client
        : throw new InvalidOperationException($"{provider.Name} cannot call tools.");

    private static JsonElement Arguments(FunctionCallContent call) =>
        JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions);

    /// <summary>What the student is asked to confirm, in words.</summary>
    private static string Describe(FunctionCallContent call)
    {
        var args = call.Arguments ?? new Dictionary<string, object?>();
        string? Arg(string name) => args.TryGetValue(name, out var v) && v is not null ? (v is JsonElement j ? j.ToString() : v.ToString()) : null;
        var what = Arg("title") is { } title ? $"\"{title}\"" : Arg("id") is { } id ? $"event {id}" : "an event";
        var when = Arg("date") is { } date ? $" on {date}{(Arg("startTime") is { } start ? " at " + start : "")}" : "";
        return call.Name switch
        {
            CalendarToolNames.CreateEvent => $"Add {what}{when} to your calendar.",
            CalendarToolNames.UpdateEvent => $"Change {what}{when}.",
            CalendarToolNames.DeleteEvent => $"Delete {what} from your calendar.",
            _ => $"Run {call.Name}.",
        };
    }
}
