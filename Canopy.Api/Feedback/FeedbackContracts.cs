namespace Canopy.Api.Feedback;

/// <summary>A stored rating, as listed and exported.</summary>
public sealed record FeedbackEntry(
    long Id, string TraceId, string Rating, string? Comment, string? Feature, string? Prompt, string? Answer, DateTimeOffset CreatedAt,
    string? UserPseudoId = null);

public sealed record FeedbackCreated(long Id);

/// <summary>One line of the evaluation-set export (JSONL).</summary>
public sealed record EvaluationRecord(string? Prompt, string? Answer, string Rating, string TraceId, string? Comment, string? Feature, DateTimeOffset CreatedAt);
