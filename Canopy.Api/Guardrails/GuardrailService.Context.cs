using System.Diagnostics;

namespace Canopy.Api.Guardrails;

/// <summary>The passages that may reach the prompt, how many were dropped, and the findings.</summary>
public sealed record ContextFilterResult<T>(IReadOnlyList<T> Kept, IReadOnlyList<T> Dropped, IReadOnlyList<Detection> Detections);

public sealed partial class GuardrailService
{
    /// <summary>
    /// Context stage: drops every retrieved passage that tries to instruct the model (indirect injection) or that a
    /// context detector blocks, in one <c>guardrails-check</c> span (stage=context). The turn itself goes on.
    /// </summary>
    public async Task<ContextFilterResult<T>> FilterContextAsync<T>(IReadOnlyList<T> passages, Func<T, string> textOf, string? feature = null, CancellationToken cancellationToken = default)
    {
        using var activity = StartSpan(GuardrailStage.Context, feature);
        activity?.SetTag("canopy.guardrails.context.passages", passages.Count);
        // Passages are independent and checking one is CPU work of milliseconds: spread over the cores, the turn waits for the slowest only.
        var verdicts = await Task.WhenAll(passages.Select(p => Task.Run(() => EvaluateAsync(textOf(p), GuardrailStage.Context, feature, cancellationToken), cancellationToken)));
        var kept = passages.Where((_, i) => !verdicts[i].IsBlocked).ToList();
        var dropped = passages.Where((_, i) => verdicts[i].IsBlocked).ToList();
        var detections = verdicts.SelectMany(v => v.Detections).ToList();
        var summary = Decide("", GuardrailStage.Context, detections);
        Record(activity, summary);
        activity?.SetTag("canopy.guardrails.context.dropped", dropped.Count);
        return new ContextFilterResult<T>(kept, dropped, detections);
    }
}
