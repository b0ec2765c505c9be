using System.Diagnostics;

namespace Canopy.Web.Chat;

/// <summary>
/// One browser tab's conversation: asks canopy-be inside a fresh <c>chat-turn</c> trace and applies each event to the turn.
/// </summary>
public sealed class ChatSession(ChatApiClient api, ILogger<ChatSession> logger)
{
    public string ConversationId { get; } = Guid.NewGuid().ToString("N");
    public List<ChatTurnView> Turns { get; } = [];

    public async Task AskAsync(string question, string? feature, Func<Task> changed, CancellationToken cancellationToken)
    {
        var turn = new ChatTurnView(question);
        Turns.Add(turn);
        using var activity = WebTelemetry.StartChatTurn(feature ?? "information-search", ConversationId);
        turn.TraceId = activity?.TraceId.ToHexString();
        await changed();
        try
        {
            await foreach (var e in api.StreamAsync(new ChatApiRequest(question, ConversationId, feature), cancellationToken))
            {
                Apply(turn, e);
                await changed();
            }
            if (turn.Status == TurnStatus.Streaming) turn.Status = TurnStatus.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            turn.Status = TurnStatus.Stopped;
            activity?.SetTag("canopy.chat.stopped", true);
        }
        catch (Exception ex) when (ex is HttpRequestException or ChatApiException or System.Text.Json.JsonException)
        {
            logger.LogWarning(ex, "Chat request failed");
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().FullName);
            turn.Status = TurnStatus.Error;
            turn.Error = "Canopy's chat service is unavailable right now. Please try again in a moment.";
        }
        await changed();
    }

    public static void Apply(ChatTurnView turn, ChatStreamEvent e)
    {
        switch (e.Type)
        {
            case "start":
                var start = e.As<StartPayload>();
                turn.TraceId = start.TraceId;
                turn.Provider = start.Provider;
                turn.Extractive = start.Extractive;
                turn.Notice = start.Notice;
                break;
            case "guardrail":
                var guardrail = e.As<GuardrailPayload>();
                turn.RedactionNote = $"Personal data was removed before your question was used: {string.Join(", ", guardrail.Categories.Select(c => c.Replace('_', ' ')))}.";
                turn.Question = guardrail.Text;
                break;
            case "blocked":
                turn.Blocked = e.As<BlockedPayload>();
                turn.Status = TurnStatus.Blocked;
                break;
            case "sources":
                turn.Sources = e.As<SourcesPayload>().Sources;
                break;
            case "delta":
                turn.Append(e.As<DeltaPayload>().Delta);
                break;
            case "done":
                turn.Done = e.As<DonePayload>();
                if (turn.Status == TurnStatus.Streaming) turn.Status = TurnStatus.Done;
                break;
            case "error":
                turn.Error = e.As<ErrorPayload>().Message;
                turn.Status = TurnStatus.Error;
                break;
        }
    }
}
