using System.Text.RegularExpressions;

namespace Canopy.Api.Feedback;

/// <summary>Body of <c>POST /api/feedback</c>: a thumbs up or down on the answer of one trace.</summary>
public sealed partial record FeedbackRequest(
    string? TraceId, string? Rating, string? Comment = null, string? SpanId = null, string? Feature = null, string? Prompt = null, string? Answer = null)
{
    public const int MaxComment = 2000;
    public const int MaxPrompt = 8000;
    public const int MaxAnswer = 32000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (TraceId is null || !HexId(32).IsMatch(TraceId)) errors["traceId"] = ["traceId must be the 32 hex digits of the answer's trace."];
        if (SpanId is not null && !HexId(16).IsMatch(SpanId)) errors["spanId"] = ["spanId must be 16 hex digits."];
        if (Rating is not ("up" or "down")) errors["rating"] = ["rating must be 'up' or 'down'."];
        if (Comment is { Length: > MaxComment }) errors["comment"] = [$"A comment has at most {MaxComment} characters."];
        if (Prompt is { Length: > MaxPrompt }) errors["prompt"] = [$"The prompt has at most {MaxPrompt} characters."];
        if (Answer is { Length: > MaxAnswer }) errors["answer"] = [$"The answer has at most {MaxAnswer} characters."];
        return errors;
    }

    private static Regex HexId(int length) => length == 32 ? Hex32() : Hex16();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Hex32();

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex Hex16();
}

/// <summary>A stored rating, as listed and exported.</summary>
public sealed record FeedbackEntry(
    long Id, string TraceId, string Rating, string? Comment, string? Feature, string? Prompt, string? Answer, DateTimeOffset CreatedAt);

public sealed record FeedbackCreated(long Id);

/// <summary>One line of the evaluation-set export (JSONL).</summary>
public sealed record EvaluationRecord(string? Prompt, string? Answer, string Rating, string TraceId, string? Comment, string? Feature, DateTimeOffset CreatedAt);
