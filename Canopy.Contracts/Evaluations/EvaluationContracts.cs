namespace Canopy.Contracts.Evaluations;

/// <summary>
/// One question to evaluate. <see cref="Problem"/> is what was wrong with an earlier answer (a thumbs-down's comment), when known;
/// <see cref="ExpectRefusal"/> says the course documents do not cover the question, so the answer should say so.
/// </summary>
public sealed record EvaluationCase(string Id, string Question, string? Feature = null, string? Problem = null, bool ExpectRefusal = false);

/// <summary>A set of cases: from feedback (<c>feedback</c>) or a JSONL file in <c>Canopy.Api/Evaluations/Sets</c> (<see cref="Source"/> <c>file</c>).</summary>
public sealed record EvaluationSetInfo(string Name, string Source, int Cases, string? Description);

/// <summary>Body of <c>POST /api/evaluations/runs</c>: run a set against a feature's prompt version (the champion when left out).</summary>
public sealed record EvaluationRunRequest(string? Feature, string? Set, int? Version = null);

/// <summary>The status of a run: queued, running, completed or failed.</summary>
public static class EvaluationRunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

/// <summary>A stored run; <see cref="Score"/> is the mean of the metric means, the figure promotion compares.</summary>
public sealed record EvaluationRunInfo(
    long Id, string Feature, int Version, string Set, string Status, int Cases, int Done, string Provider,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, IReadOnlyList<MetricSummary> Metrics, double? Score, string? Error);

/// <summary>One metric over a run: the mean score (0 to 1), how many cases it scored and how many passed.</summary>
public sealed record MetricSummary(string Name, double Mean, int Count, int Passed);

/// <summary>One evaluated answer, with the trace it was written in and its scores.</summary>
public sealed record EvaluationCaseResult(string CaseId, string Question, string Answer, string TraceId, string? SpanId, IReadOnlyList<EvaluationScore> Scores);

/// <summary>One score as the <c>gen_ai.evaluation.result</c> event records it: name, value (0 to 1), label and explanation.</summary>
public sealed record EvaluationScore(string Name, double? Value, string? Label, string? Explanation);

/// <summary>A run with its cases, as <c>GET /api/evaluations/runs/{id}</c> answers.</summary>
public sealed record EvaluationRunDetail(EvaluationRunInfo Run, IReadOnlyList<EvaluationCaseResult> Results);
