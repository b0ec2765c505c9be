using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Canopy.Api.Agent;
using Canopy.Api.Features;
using Canopy.Api.Guardrails;
using Canopy.Api.Llm;
using Canopy.Api.Prompts;
using Canopy.Api.Retrieval;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Prompts;
using Canopy.Contracts.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Chat;

/// <summary>One chat turn as a stream of events: input guardrails, retrieval (for features that use it), generation, output guardrails.</summary>
public sealed partial class ChatPipeline(
    GuardrailService guardrails,
    RagClient rag,
    AnswerGenerator generator,
    ILlmProviderAccessor providers,
    PromptRegistry prompts,
    StudentAssistantAgent agent,
    IOptions<RetrievalOptions> retrieval,
    ILogger<ChatPipeline> logger)
{
    /// <summary>
    /// Runs the turn while it is read; cancelling, or stopping reading, cancels the turn. <paramref name="prompt"/> is the
    /// version the caller resolved; when null the turn resolves the request's alias (the champion by default) itself.
    /// </summary>
    public IAsyncEnumerable<ChatEvent> StreamAsync(ChatRequest request, ResolvedPrompt? prompt = null, CancellationToken cancellationToken = default) =>
        StreamAsync(request, prompt, null, cancellationToken);

    /// <summary>As the other overload; <paramref name="onGenerated"/> also hears what generation produced (the evaluations need its span).</summary>
    public async IAsyncEnumerable<ChatEvent> StreamAsync(
        ChatRequest request, ResolvedPrompt? prompt, Action<GenerationResult>? onGenerated, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Generation hands over text in a callback and C# allows no yield inside try/catch: the turn writes to a channel read here.
        var events = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var turn = RunAsync(request, prompt, onGenerated, events.Writer, stop.Token);
        try
        {
            await foreach (var chatEvent in events.Reader.ReadAllAsync(CancellationToken.None))
                yield return chatEvent;
        }
        finally
        {
            // A reader that leaves early stops the turn, which records how it ended before the request's span closes.
            await stop.CancelAsync();
            await turn;
        }
    }

    private async Task RunAsync(
        ChatRequest request, ResolvedPrompt? prompt, Action<GenerationResult>? onGenerated, ChannelWriter<ChatEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            var featureId = request.Feature ?? FeatureCatalog.Default;
            prompt ??= await prompts.ResolveAsync(featureId, request.PromptAlias ?? PromptAliases.Champion, cancellationToken)
                ?? throw new InvalidOperationException($"{featureId} has no {request.PromptAlias} prompt.");
            await RunStagesAsync(request, prompt, onGenerated, e => events.WriteAsync(e, cancellationToken), cancellationToken);
        }
        finally
        {
            events.Complete();
        }
    }

    private async Task RunStagesAsync(
        ChatRequest request, ResolvedPrompt prompt, Action<GenerationResult>? onGenerated, Func<ChatEvent, ValueTask> emit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var featureId = request.Feature ?? FeatureCatalog.Default;
        var feature = prompt.Settings;
        var provider = providers.Current;
        var conversationId = request.ConversationId ?? Guid.NewGuid().ToString("N");
        var turn = Activity.Current;
        turn?.SetTag("canopy.feature", featureId);
        turn?.SetTag("gen_ai.conversation.id", conversationId);
        turn?.SetTag(ApiTelemetry.PromptVersionAttribute, prompt.Version.Version);
        turn?.SetTag(ApiTelemetry.PromptAliasAttribute, prompt.Alias);
        var traceId = turn?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
        var spanId = turn?.SpanId.ToHexString() ?? ActivitySpanId.CreateRandom().ToHexString();
        await emit(new StartEvent(traceId, spanId, conversationId, featureId, feature.MaxTokens, provider.Name, provider.Model, provider.IsExtractive, provider.Notice,
            prompt.Version.Version, prompt.Alias));

        double Ms(long from) => Math.Round(Stopwatch.GetElapsedTime(from).TotalMilliseconds, 1);
        var stage = "input-guardrails";
        double? guardrailsMs = null, retrievalMs = null;
        try
        {
            var checkStarted = Stopwatch.GetTimestamp();
            if (feature.UsesTools && string.IsNullOrEmpty(request.Message))
            {
                // Only answers to confirmations: there is no new text to check.
                stage = "agent";
                await RunAgentAsync(request, prompt, provider, conversationId, null, emit, started, null, cancellationToken);
                return;
            }
            var input = await guardrails.CheckAsync(request.Message!, GuardrailStage.Input, featureId, cancellationToken);
            guardrailsMs = Ms(checkStarted);
            if (input.IsBlocked)
            {
                await emit(new BlockedEvent("input", input.BlockCategory ?? "policy", guardrails.MessageFor(input.BlockCategory)));
                await emit(new DoneEvent("blocked", new TokenUsage(0, 0), new StageTimings(guardrailsMs, null, null, null, null, null, Ms(started))));
                Count(featureId, "blocked");
                return;
            }
            if (input.Decision == GuardrailDecision.Redact)
                await emit(new GuardrailEvent("input", "redact", [.. input.Detections.Select(d => d.Category).Distinct()], input.Text));

            if (feature.UsesTools)
            {
                stage = "agent";
                await RunAgentAsync(request, prompt, provider, conversationId, input.Text, emit, started, guardrailsMs, cancellationToken);
                return;
            }

            IReadOnlyList<Passage>? passages = null;
            if (feature.UsesRetrieval)
            {
                stage = "retrieval";
                var retrievalStarted = Stopwatch.GetTimestamp();
                passages = await rag.SearchAsync(input.Text, retrieval.Value.TopK, cancellationToken);
                // A retrieved passage that tries to instruct the model is dropped before anyone sees it.
                passages = (await guardrails.FilterContextAsync(passages, p => p.Text, featureId, cancellationToken)).Kept;
                retrievalMs = Ms(retrievalStarted);
                await emit(new SourcesEvent([.. passages.Select((p, i) => CitedSource.Of(i + 1, p))]));
            }

            stage = "generation";
            var history = (request.History ?? []).Select(t => new ChatMessage(t.Role == "user" ? ChatRole.User : ChatRole.Assistant, t.Content)).ToList();
            var guard = guardrails.CreateOutputGuard(featureId);
            using var generation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            GenerationResult? result = null;
            try
            {
                // Text reaches the student only sentence by sentence, after the output detectors have seen it.
                result = await generator.GenerateAsync(new GenerationRequest(provider, featureId, feature, input.Text, passages, history, prompt.Version.Version), async delta =>
                {
                    var safe = await guard.PushAsync(delta, cancellationToken);
                    if (safe.Length > 0) await emit(new DeltaEvent(safe));
                    if (guard.IsBlocked) await generation.CancelAsync();
                }, generation.Token);
            }
            catch (OperationCanceledException) when (guard.IsBlocked && !cancellationToken.IsCancellationRequested)
            {
            }
            if (result is not null) onGenerated?.Invoke(result);

            stage = "output-guardrails";
            var outputStarted = Stopwatch.GetTimestamp();
            var tail = await guard.FlushAsync(cancellationToken);
            if (tail.Length > 0) await emit(new DeltaEvent(tail));
            var output = guard.Result;
            var outputMs = Ms(outputStarted);
            if (output.IsBlocked)
                await emit(new BlockedEvent("output", output.BlockCategory ?? "policy", GuardrailService.BlockedMessage));

            await emit(new DoneEvent(output.IsBlocked ? "blocked" : result!.FinishReason,
                new TokenUsage(result?.InputTokens ?? 0, result?.OutputTokens ?? 0), new StageTimings(
                guardrailsMs, retrievalMs, result is null ? null : Math.Round(result.PromptTime.TotalMilliseconds, 1),
                result?.TimeToFirstToken is { } t ? Math.Round(t.TotalMilliseconds, 1) : null,
                result is null ? null : Math.Round(result.Duration.TotalMilliseconds, 1), outputMs, Ms(started),
                result is null ? null : Math.Round(result.ModelTime.TotalMilliseconds, 1))));
            Count(featureId, output.IsBlocked ? "blocked" : "answered");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            turn?.SetTag("canopy.chat.cancelled", true);
            Count(featureId, "cancelled");
        }
        catch (Exception ex)
        {
            turn.RecordError(ex);
            logger.LogError(ex, "Chat turn failed during {Stage}", stage);
            await emit(new ErrorEvent(stage, ex.GetType().Name, UserMessage(ex, stage)));
            Count(featureId, "error");
        }
    }

    private static string UserMessage(Exception ex, string stage) =>
        ex is RetrievalUnavailableException ? "The course search service is unavailable right now. Please try again in a moment."
        : stage is "generation" or "agent" ? "The language model is unavailable right now. Please try again in a moment."
        : "Something went wrong while answering. The trace id above helps us find out what.";

    private static void Count(string feature, string outcome) =>
        ApiTelemetry.ChatTurns.Add(1, new KeyValuePair<string, object?>("canopy.feature", feature), new KeyValuePair<string, object?>("outcome", outcome));
}
