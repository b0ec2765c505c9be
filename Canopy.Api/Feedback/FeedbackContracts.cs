using System.Text.RegularExpressions;
using Canopy.Api.Features;
using Canopy.Contracts;

namespace Canopy.Api.Feedback;

/// <summary>Body of <c>POST /api/feedback</c>: a thumbs up or down on the answer of one trace.</summary>
public sealed partial record FeedbackRequest(
    string? TraceId, string? Rating, string? Comment = null, string? SpanId = null, string? Feature = null, string? Prompt = null, string? Answer = null)
{
    /// <summary>Everything is checked before anything is written, so a refused rating leaves nothing behind.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        // W3C trace context: all-zero ids are invalid, and no trace could hold them.
        if (TraceId is null || !Hex32().IsMatch(TraceId) || AllZero(TraceId)) errors["traceId"] = ["traceId must be the 32 hex digits (not all zero) of the answer's trace."];
        if (SpanId is not null && (!Hex16().IsMatch(SpanId) || AllZero(SpanId))) errors["spanId"] = ["spanId must be 16 hex digits, not all zero."];
        if (Rating is not ("up" or "down")) errors["rating"] = ["rating must be 'up' or 'down'."];
        if (Feature is not null && !FeatureCatalog.Ids.Contains(Feature)) errors["feature"] = [$"Unknown feature '{Feature}'. Known: {string.Join(", ", FeatureCatalog.Ids)}."];
        CheckText(errors, "comment", Comment, RequestLimits.MaxFeedbackComment);
        CheckText(errors, "prompt", Prompt, RequestLimits.MaxFeedbackPrompt);
        CheckText(errors, "answer", Answer, RequestLimits.MaxFeedbackAnswer);
        return errors;
    }

    private static void CheckText(Dictionary<string, string[]> errors, string field, string? text, int maxLength)
    {
        if (text is null) return;
        if (text.Length > maxLength) errors[field] = [$"{field} has at most {maxLength} characters."];
        else if (RequestText.Problem(text) is { } problem) errors[field] = [$"{field} {problem}"];
    }

    private static bool AllZero(string id) => id.All(c => c == '0');

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
