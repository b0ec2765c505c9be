using Microsoft.AspNetCore.Components.Authorization;
using System.Diagnostics;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Experiments;
using Canopy.Contracts.Prompts;
using Canopy.Web.Conversations;
using Canopy.Web.Experiments;

namespace Canopy.Web.Chat;

/// <summary>
/// One browser tab's conversations: asks canopy-be inside a fresh <c>chat-turn</c> trace and applies each event to the turn.
/// </summary>
public sealed partial class ChatSession(ChatApiClient api, AbTestsClient abTests, AuthenticationStateProvider authentication, Pseudonyms pseudonyms,
    ILogger<ChatSession> logger)
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
        Conversations.Append(Current).SelectMany(c => c.Turns).SelectMany(t => t.Ab is { } ab ? [t, ab.A, ab.B] : new[] { t })
            .FirstOrDefault(t => t.Id == turnId)?.Sources.FirstOrDefault(s => s.Index == index);

    public Task AskAsync(string question, string? feature, Func<Task> changed, CancellationToken cancellationToken) =>
        AskAsync(question, feature, replaced: null, changed, cancellationToken);

    /// <param name="replaced">A turn taken out to be asked again: a write it still waits for is declined too.</param>
    private async Task AskAsync(string question, string? feature, ChatTurnView? replaced, Func<Task> changed, CancellationToken cancellationToken)
    {
        var conversation = Current;
        if (!Conversations.Contains(conversation)) Conversations.Add(conversation);
        var history = History(conversation.Turns);
        var declines = DeclinePending(replaced is null ? conversation.Turns : [.. conversation.Turns, replaced]);
        var turn = new ChatTurnView(question, feature ?? ChatTurnView.DefaultFeature);
        conversation.Turns.Add(turn);
        conversation.UpdatedAt = DateTimeOffset.UtcNow;
        var pseudonym = await PseudonymAsync();
        if (await PlanAsync(turn, changed, cancellationToken) is { } plan)
        {
            await AskPairAsync(turn, plan, conversation.Id, history, declines, pseudonym, changed, cancellationToken);
        }
        else if (turn.Status == TurnStatus.Streaming)
        {
            using var activity = WebTelemetry.StartChatTurn(turn.Feature, conversation.Id, pseudonym);
            turn.TraceId = activity?.TraceId.ToHexString();
            await changed();
            await StreamAsync(turn, new ChatRequest(question, conversation.Id, turn.Feature, [.. history], Confirmations: declines), activity, changed,
                cancellationToken, conversation.Turns);
        }
        conversation.UpdatedAt = DateTimeOffset.UtcNow;
        await changed();
    }

    private async Task<string?> PseudonymAsync() => pseudonyms.Of((await authentication.GetAuthenticationStateAsync()).User);

    /// <summary>How long a turn waits to learn whether its feature's A/B test runs before answering once.</summary>
    public static readonly TimeSpan PlanTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Decides where "Answer A" goes; tests set it to make the order known.</summary>
    internal Random Coin { get; set; } = Random.Shared;

    /// <summary>The feature's A/B plan, or null: no test runs, canopy-be cannot say in time (the student gets one answer), or the student stopped.</summary>
    private async Task<AbTestPlan?> PlanAsync(ChatTurnView turn, Func<Task> changed, CancellationToken cancellationToken)
    {
        await changed();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PlanTimeout);
        try
        {
            return await abTests.PlanAsync(turn.Feature, timeout.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            turn.Status = TurnStatus.Stopped;
            return null;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("canopy-be did not say within {Timeout} whether {Feature} has an A/B test; answering once", PlanTimeout, turn.Feature);
            return null;
        }
    }

    /// <summary>
    /// Asks twice at once, with the champion and the challenger prompt, each in its own <c>chat-turn</c> trace (the two linked);
    /// the turn then holds "Answer A" until the student prefers one.
    /// </summary>
    private async Task AskPairAsync(ChatTurnView turn, AbTestPlan plan, string conversationId, IReadOnlyList<ChatHistoryTurn> history,
        ToolConfirmation[]? declines, string? pseudonym, Func<Task> changed, CancellationToken cancellationToken)
    {
        var pair = AbPair.Create(plan, conversationId, turn.AskedQuestion, turn.Feature, Coin);
        turn.Ab = pair;
        var (champion, challenger) = WebTelemetry.StartAbChatTurns(turn.Feature, conversationId, pseudonym);
        using (champion)
        using (challenger)
        {
            pair.Champion.TraceId = champion?.TraceId.ToHexString();
            pair.Challenger.TraceId = challenger?.TraceId.ToHexString();
            await changed();
            await Task.WhenAll(
                StreamAsync(pair.Champion, Request(PromptAliases.Champion), champion, changed, cancellationToken),
                StreamAsync(pair.Challenger, Request(PromptAliases.Challenger), challenger, changed, cancellationToken));
        }
        turn.Keep(pair.Kept);

        // A pending write is declined once, with the champion's request.
        ChatRequest Request(string alias) => new(turn.AskedQuestion, conversationId, turn.Feature, [.. history], alias,
            alias == PromptAliases.Champion ? declines : null);
    }

    /// <summary>Streams one answer into <paramref name="turn"/> inside <paramref name="activity"/>, which is made current for this flow only.</summary>
    /// <param name="earlier">The conversation's turns: the result of a write declined by this request belongs to the turn that asked for it.</param>
    private async Task StreamAsync(ChatTurnView turn, ChatRequest request, Activity? activity, Func<Task> changed, CancellationToken cancellationToken,
        IReadOnlyList<ChatTurnView>? earlier = null)
    {
        if (activity is not null) Activity.Current = activity;
        try
        {
            await foreach (var e in api.StreamAsync(request, cancellationToken))
            {
                Apply(OwnerOf(e, turn, earlier), e);
                if (e is StartEvent { PromptVersion: { } version } && request.PromptAlias is not null) activity?.SetTag(WebTelemetry.PromptVersionAttribute, version);
                await changed();
            }
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
        turn.Finish();
    }

    /// <summary>Asks the turn's question again in place of the turn; only the last turn, so the context stays what it was.</summary>
    public Task RegenerateAsync(ChatTurnView turn, Func<Task> changed, CancellationToken cancellationToken)
    {
        if (Current.Turns.LastOrDefault() != turn || !turn.IsFinished) return Task.CompletedTask;
        Current.Turns.Remove(turn);
        return AskAsync(turn.AskedQuestion, turn.Feature, turn, changed, cancellationToken);
    }

    /// <summary>Earlier answered turns as context; blocked, failed and stopped turns are left out.</summary>
    public static IReadOnlyList<ChatHistoryTurn> History(IEnumerable<ChatTurnView> turns) =>
        [.. turns.Where(t => t.Status == TurnStatus.Done && t.Answer.Length > 0).TakeLast(HistoryTurns)
            .SelectMany(t => new[] { new ChatHistoryTurn("user", t.Question), new ChatHistoryTurn("assistant", t.Answer) })];
}
