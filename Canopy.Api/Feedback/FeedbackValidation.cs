using System.Text.RegularExpressions;
using Canopy.Api.Features;
using Canopy.Contracts;
using Canopy.Contracts.Feedback;

namespace Canopy.Api.Feedback;

/// <summary>What canopy-be accepts in a <see cref="FeedbackRequest"/>.</summary>
public static partial class FeedbackValidation
{
    /// <summary>Everything is checked before anything is written, so a refused rating leaves nothing behind.</summary>
    public static Dictionary<string, string[]> Validate(this FeedbackRequest request)
    {
        var (traceId, rating, comment, spanId, feature, prompt, answer) = request;
        var errors = new Dictionary<string, string[]>();
        // W3C trace context: all-zero ids are invalid, and no trace could hold them.
        if (traceId is null || !Hex32().IsMatch(traceId) || AllZero(traceId)) errors["traceId"] = ["traceId must be the 32 hex digits (not all zero) of the answer's trace."];
        if (spanId is not null && (!Hex16().IsMatch(spanId) || AllZero(spanId))) errors["spanId"] = ["spanId must be 16 hex digits, not all zero."];
        if (rating is not ("up" or "down")) errors["rating"] = ["rating must be 'up' or 'down'."];
        if (feature is not null && !FeatureCatalog.Ids.Contains(feature)) errors["feature"] = [$"Unknown feature '{feature}'. Known: {string.Join(", ", FeatureCatalog.Ids)}."];
        CheckText(errors, "comment", comment, RequestLimits.MaxFeedbackComment);
        CheckText(errors, "prompt", prompt, RequestLimits.MaxFeedbackPrompt);
        CheckText(errors, "answer", answer, RequestLimits.MaxFeedbackAnswer);
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
