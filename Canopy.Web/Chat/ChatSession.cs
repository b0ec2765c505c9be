using Microsoft.AspNetCore.Components.Authorization;
using System.Diagnostics;
using Canopy.Contracts.Chat;
using Canopy.Web.Conversations;

namespace Canopy.Web.Chat;

/// <summary>
/// One browser tab's conversations: asks canopy-be inside a fresh <c>chat-turn</c> trace and applies each event to the turn.
/// </summary>
public sealed class ChatSession(ChatApiClient api, AuthenticationStateProvider authentication, Pseudonyms pseudonyms, ILogger<ChatSession> logger)
{
    /// <summary>How many earlier question/answer pairs go with a question as context.</summary>
    public const int HistoryTurns = 10;

    public List<ConversationView> Conversations { get; } = [];
    public ConversationView Current { get; private set; } = ConversationView.New();
    public string ConversationId => Current.Id;
    public List<ChatTurnView> Turns => Current.Turns;

    /// <summary>Newest first, the conversation being written included once it has a question.</summary>
    public IEnumerable<ConversationView> Listed => Conversations.OrderByDescending(c => c.UpdatedAt);

    /// <summary>Adds conversations read from the browser that this session does not hold yet.</summary>
    public void Restore(IEnumerable<ConversationView> stored)
    {
        foreach (var conversation in stored)
            if (Conversations.All(c => c.Id != conversation.Id)) Conversations.Add(conversation);
    }

    public void StartNew()
    {
        if (Current.Turns.Count > 0) Current = ConversationView.New();
    }

    public bool Select(string id)
    {
        if (Conversations.FirstOrDefault(c => c.Id == id) is not { } found) return false;
        Current = found;
        return true;
    }

    public void Delete(string id)
    {
        Conversations.RemoveAll(c => c.Id == id);
        if (Current.Id == id) Current = ConversationView.New();
    }

    public CitedSource? FindSource(string turnId, int index) =>
        Conversations.Append(Current).SelectMany(c => c.Turns).FirstOrDefault(t => t.Id == turnId)?.Sources.FirstOrDefault(s => s.Index == index);

    public async Task AskAsync(string question, string? feature, Func<Task> changed, CancellationToken cancellationToken)
    {
        var conversation = Current;
        if (!Conversations.Contains(conversation)) Conversations.Add(conversation);
        var history = History(conversation.Turns);
        var turn = new ChatTurnView(question, feature ?? ChatTurnView.DefaultFeature);
        conversation.Turns.Add(turn);
        conversation.UpdatedAt = DateTimeOffset.UtcNow;
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        using var activity = WebTelemetry.StartChatTurn(turn.Feature, conversation.Id, pseudonyms.Of(user));
        turn.TraceId = activity?.TraceId.ToHexString();
        await changed();
        try
        {
            await foreach (var e in api.StreamAsync(new ChatRequest(question, conversation.Id, turn.Feature, [.. history]), cancellationToken))
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
        catch (Exception ex) when (ex is HttpRequestException or ChatApiException or System.Text.Json.JsonException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogWarning(ex, "Chat request failed");
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().FullName);
            turn.Status = TurnStatus.Error;
            turn.Error = (ex as ChatApiException)?.StudentMessage ?? "Canopy's chat service is unavailable right now. Please try again in a moment.";
        }
        conversation.UpdatedAt = DateTimeOffset.UtcNow;
        await changed();
    }

    /// <summary>Asks the turn's question again in place of the turn; only the last turn, so the context stays what it was.</summary>
    public Task RegenerateAsync(ChatTurnView turn, Func<Task> changed, CancellationToken cancellationToken)
    {
        if (Current.Turns.LastOrDefault() != turn || !turn.IsFinished) return Task.CompletedTask;
        Current.Turns.Remove(turn);
        return AskAsync(turn.AskedQuestion, turn.Feature, changed, cancellationToken);
    }

    /// <summary>Earlier answered turns as context; blocked, failed and stopped turns are left out.</summary>
    public static IReadOnlyList<ChatHistoryTurn> History(IEnumerable<ChatTurnView> turns) =>
        [.. turns.Where(t => t.Status == TurnStatus.Done && t.Answer.Length > 0).TakeLast(HistoryTurns)
            .SelectMany(t => new[] { new ChatHistoryTurn("user", t.Question), new ChatHistoryTurn("assistant", t.Answer) })];

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
            case DoneEvent done:
                turn.Done = done;
                if (turn.Status == TurnStatus.Streaming) turn.Status = TurnStatus.Done;
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
