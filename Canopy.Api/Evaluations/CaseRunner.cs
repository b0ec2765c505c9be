using System.Diagnostics;
using System.Text;
using Canopy.Api.Chat;
using Canopy.Api.Evaluations.Scoring;
using Canopy.Api.Llm;
using Canopy.Api.Prompts;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Evaluations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Evaluations;

/// <summary>
/// Runs one case through the real chat pipeline in a trace of its own (root <c>evaluate-case</c>), scores what the student
/// would have seen and records the scores on the answer's span.
/// </summary>
public sealed class CaseRunner(IServiceScopeFactory scopes, AnswerScorer scorer, EvaluationEvents events, IOptions<EvaluationOptions> options)
{
    public async Task<EvaluationCaseResult> RunAsync(EvaluationRunInfo run, ResolvedPrompt prompt, IChatClient? judge, EvaluationCase evaluationCase,
        CancellationToken cancellationToken)
    {
        // Each case is its own trace, never a child of whatever ran before it.
        Activity.Current = null;
        using var root = ApiTelemetry.Source.StartActivity(ApiTelemetry.EvaluateCaseSpan, ActivityKind.Internal, parentContext: default);
        root?.SetTag(ApiTelemetry.EvaluationRunAttribute, run.Id);
        root?.SetTag(ApiTelemetry.EvaluationCaseAttribute, evaluationCase.Id);
        root?.SetTag(ApiTelemetry.EvaluationSetAttribute, run.Set);
        root?.SetTag("canopy.feature", run.Feature);
        root?.SetTag(ApiTelemetry.PromptVersionAttribute, run.Version);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Value.CaseTimeout);
        var turn = new Turn();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<ChatPipeline>();
            var request = new ChatRequest(evaluationCase.Question, Feature: run.Feature);
            await foreach (var chatEvent in pipeline.StreamAsync(request, prompt, g => turn.Generation = g, limit.Token)) turn.Apply(chatEvent);
            // A cancelled turn ends its stream quietly; the case's deadline is what cancelled it unless the worker is stopping.
            cancellationToken.ThrowIfCancellationRequested();
            if (limit.IsCancellationRequested) return TimedOut(evaluationCase, turn, root);
            if (turn.Error is { } error) return Failed(evaluationCase, turn, root, error);
            var context = new CaseContext(evaluationCase, turn.Passages, prompt.Settings.UsesRetrieval, prompt.Settings.MaxTokens);
            var scores = await scorer.ScoreAsync(context, turn.Answer, judge, limit.Token);
            if (turn.Generation?.AnswerSpan is { } span) events.Record(span, turn.Generation.ResponseId, run.Feature, scores);
            return new EvaluationCaseResult(evaluationCase.Id, evaluationCase.Question, turn.Answer, TraceId(root, turn),
                turn.Generation?.AnswerSpan?.SpanId.ToHexString(), scores);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimedOut(evaluationCase, turn, root);
        }
    }

    private EvaluationCaseResult TimedOut(EvaluationCase evaluationCase, Turn turn, Activity? root) =>
        Failed(evaluationCase, turn, root, $"The case took longer than {options.Value.CaseTimeout}.");

    private static EvaluationCaseResult Failed(EvaluationCase evaluationCase, Turn turn, Activity? root, string error)
    {
        root?.SetStatus(ActivityStatusCode.Error, error);
        return new EvaluationCaseResult(evaluationCase.Id, evaluationCase.Question, turn.Answer, TraceId(root, turn), null,
            [new EvaluationScore("answered", null, "error", error)]);
    }

    private static string TraceId(Activity? root, Turn turn) => root?.TraceId.ToHexString() ?? turn.TraceId ?? "";

    /// <summary>What the student would have seen of one turn.</summary>
    private sealed class Turn
    {
        private readonly StringBuilder _text = new();

        public GenerationResult? Generation { get; set; }
        public string? TraceId { get; private set; }
        public IReadOnlyList<string> Passages { get; private set; } = [];
        public string? Error { get; private set; }
        public string? Blocked { get; private set; }
        public string Answer => Blocked ?? _text.ToString().Trim();

        public void Apply(ChatEvent chatEvent)
        {
            switch (chatEvent)
            {
                case StartEvent start: TraceId = start.TraceId; break;
                case SourcesEvent sources: Passages = [.. sources.Sources.OrderBy(s => s.Index).Select(s => s.Text)]; break;
                case DeltaEvent delta: _text.Append(delta.Delta); break;
                case BlockedEvent blocked: Blocked = blocked.Message; break;
                case ErrorEvent error: Error = $"The turn failed during {error.Stage}: {error.Message}"; break;
            }
        }
    }
}
