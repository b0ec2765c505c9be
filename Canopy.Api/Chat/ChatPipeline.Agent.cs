using System.Diagnostics;
using Canopy.Api.Agent;
using Canopy.Api.Features;
using Canopy.Api.Guardrails;
using Canopy.Api.Llm;
using Canopy.Api.Prompts;
using Canopy.Contracts.Chat;

namespace Canopy.Api.Chat;

public sealed partial class ChatPipeline
{
    /// <summary>
    /// A turn of a feature that uses tools: the agent's loop instead of retrieval and generation, its text through the
    /// same output guardrails, sentence by sentence.
    /// </summary>
    private async Task RunAgentAsync(
        ChatRequest request, ResolvedPrompt prompt, LlmProvider provider, string conversationId, string? message,
        Func<ChatEvent, ValueTask> emit, long started, double? guardrailsMs, CancellationToken cancellationToken)
    {
        var featureId = request.Feature ?? FeatureCatalog.Default;
        var guard = guardrails.CreateOutputGuard(featureId);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        AgentResult? result = null;
        try
        {
            result = await agent.RunAsync(new AgentRequest(featureId, provider, prompt, conversationId, message, request.Confirmations ?? []), emit,
                async text =>
                {
                    var safe = await guard.PushAsync(text, cancellationToken);
                    if (safe.Length > 0) await emit(new DeltaEvent(safe));
                    if (guard.IsBlocked) await run.CancelAsync();
                }, run.Token);
        }
        catch (OperationCanceledException) when (guard.IsBlocked && !cancellationToken.IsCancellationRequested)
        {
        }

        var outputStarted = Stopwatch.GetTimestamp();
        var tail = await guard.FlushAsync(cancellationToken);
        if (tail.Length > 0) await emit(new DeltaEvent(tail));
        var outputMs = Math.Round(Stopwatch.GetElapsedTime(outputStarted).TotalMilliseconds, 1);
        if (guard.Result.IsBlocked)
            await emit(new BlockedEvent("output", guard.Result.BlockCategory ?? "policy", GuardrailService.BlockedMessage));
        var total = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
        await emit(new DoneEvent(guard.Result.IsBlocked ? "blocked" : result!.FinishReason, new TokenUsage(result?.InputTokens ?? 0, result?.OutputTokens ?? 0),
            new StageTimings(guardrailsMs, null, null, null, result is null ? null : Math.Round(result.Duration.TotalMilliseconds, 1), outputMs, total)));
        Count(featureId, guard.Result.IsBlocked ? "blocked" : "answered");
    }
}
