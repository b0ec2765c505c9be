using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Canopy.Contracts.Evaluations;

namespace Canopy.Api.Evaluations;

/// <summary>
/// Records scores as <c>gen_ai.evaluation.result</c> events on the evaluated answer's span. That span has ended by the time the
/// scores exist, so they are log records carrying its trace and span id (<see cref="SpanLogContext"/>), which the Aspire
/// dashboard's GenAI view reads as the span's evaluations.
/// </summary>
public sealed class EvaluationEvents(ILogger<EvaluationEvents> logger)
{
    public static readonly EventId ResultEvent = new(1, ApiTelemetry.EvaluationResultEvent);

    public void Record(ActivityContext answerSpan, string? responseId, string feature, IEnumerable<EvaluationScore> scores)
    {
        using var reported = SpanLogContext.Of(answerSpan);
        foreach (var score in scores)
        {
            logger.Log(LogLevel.Information, ResultEvent, new Result(score, responseId), null, static (state, _) => state.ToString());
            if (score.Value is { } value)
                ApiTelemetry.EvaluationScores.Record(value, new(ApiTelemetry.EvaluationNameAttribute, score.Name), new("canopy.feature", feature));
        }
    }

    /// <summary>The event's attributes as structured log state (OpenTelemetry exports each pair as an attribute).</summary>
    private sealed class Result(EvaluationScore score, string? responseId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _attributes = Attributes(score, responseId);

        public int Count => _attributes.Count;

        public KeyValuePair<string, object?> this[int index] => _attributes[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _attributes.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() =>
            $"Evaluation {score.Name}: {score.Label} ({score.Value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "no score"}) {score.Explanation}";

        private static List<KeyValuePair<string, object?>> Attributes(EvaluationScore score, string? responseId)
        {
            List<KeyValuePair<string, object?>> attributes = [new(ApiTelemetry.EvaluationNameAttribute, score.Name)];
            if (score.Value is { } value) attributes.Add(new(ApiTelemetry.EvaluationScoreValueAttribute, value));
            if (score.Label is { } label) attributes.Add(new(ApiTelemetry.EvaluationScoreLabelAttribute, label));
            if (score.Explanation is { } explanation) attributes.Add(new(ApiTelemetry.EvaluationExplanationAttribute, explanation));
            if (responseId is not null) attributes.Add(new(ApiTelemetry.ResponseIdAttribute, responseId));
            return attributes;
        }
    }
}
