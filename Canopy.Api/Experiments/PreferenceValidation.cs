using Canopy.Contracts;
using Canopy.Contracts.Experiments;

namespace Canopy.Api.Experiments;

/// <summary>What a preference must carry: a known winner and, for each answer, its version and a well-formed trace (and span) id.</summary>
public static class PreferenceValidation
{
    public static Dictionary<string, string[]> Validate(this PreferenceRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Winner is null || !AbWinners.All.Contains(request.Winner))
            errors["winner"] = [$"winner is one of {string.Join(", ", AbWinners.All)}."];
        Check("champion", request.Champion, errors);
        Check("challenger", request.Challenger, errors);
        if (errors.Count == 0 && request.Champion!.Version == request.Challenger!.Version)
            errors["challenger"] = ["The two answers must come from different prompt versions."];
        if (errors.Count == 0 && request.Champion!.TraceId == request.Challenger!.TraceId)
            errors["challenger"] = ["The two answers are two traces; the same trace id was given for both."];
        if (request.ConversationId is { Length: > RequestLimits.MaxConversationIdLength })
            errors["conversationId"] = [$"A conversation id has at most {RequestLimits.MaxConversationIdLength} characters."];
        else if (request.ConversationId is not null && RequestText.Problem(request.ConversationId) is { } problem)
            errors["conversationId"] = [$"The conversation id {problem}"];
        return errors;
    }

    private static void Check(string field, AbAnswerRef? answer, Dictionary<string, string[]> errors)
    {
        if (answer is null) { errors[field] = [$"{field} (version, traceId, spanId) is required."]; return; }
        if (answer.Version is not > 0) errors[$"{field}.version"] = ["A prompt version (a positive number) is required."];
        if (!IsHex(answer.TraceId, 32)) errors[$"{field}.traceId"] = ["A trace id is 32 lowercase hexadecimal characters, not all zero."];
        if (answer.SpanId is not null && !IsHex(answer.SpanId, 16)) errors[$"{field}.spanId"] = ["A span id is 16 lowercase hexadecimal characters, not all zero."];
    }

    private static bool IsHex(string? value, int length) =>
        value is not null && value.Length == length && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f') && value.Any(c => c != '0');
}
