using Canopy.Api.Features;
using Canopy.Api.Llm;
using Canopy.Contracts;
using Canopy.Contracts.Chat;

namespace Canopy.Api.Chat;

/// <summary>What canopy-be accepts in a <see cref="ChatRequest"/>: the checks need the feature settings, so they live here.</summary>
public static class ChatRequestValidation
{
    /// <summary>Problems by field, empty when the request can be answered.</summary>
    public static Dictionary<string, string[]> Validate(this ChatRequest request, FeatureCatalog features)
    {
        var (message, conversationId, feature, history, _, _) = request;
        var errors = new Dictionary<string, string[]>();
        var refusal = features.Refusal(feature);
        if (refusal is not null) errors["feature"] = [refusal];
        var settings = refusal is null ? features.Get(feature ?? FeatureCatalog.Default) : null;
        // A feature that retrieves sends the message to canopy-rag as its query, so canopy-rag's limit applies.
        var maxLength = settings?.UsesRetrieval == false ? RequestLimits.MaxMessageLength : RequestLimits.MaxSearchQueryLength;
        if (string.IsNullOrWhiteSpace(message))
            errors["message"] = ["A message is required."];
        else if (message.Length > maxLength)
            errors["message"] = [$"A message has at most {maxLength} characters{(settings?.UsesRetrieval == false ? "" : " when Canopy searches the course documents")}; this one has {message.Length}."];
        else if (RequestText.Problem(message) is { } textProblem)
            errors["message"] = [$"The message {textProblem}"];
        else if (settings is not null && TokenEstimate.Of(message) > settings.MaxInputTokens)
            errors["message"] = [$"This text has about {TokenEstimate.Of(message)} tokens; {settings.Name} accepts at most {settings.MaxInputTokens}."];
        if (conversationId is { Length: > RequestLimits.MaxConversationIdLength })
            errors["conversationId"] = [$"A conversation id has at most {RequestLimits.MaxConversationIdLength} characters."];
        else if (conversationId is not null && RequestText.Problem(conversationId) is { } idProblem)
            errors["conversationId"] = [$"The conversation id {idProblem}"];
        if (HistoryProblem(history) is { } historyProblem)
            errors["history"] = [historyProblem];
        return errors;
    }

    private static string? HistoryProblem(ChatHistoryTurn[]? history)
    {
        if (history is null) return null;
        if (history.Length > RequestLimits.MaxHistoryTurns) return $"At most {RequestLimits.MaxHistoryTurns} earlier turns are accepted.";
        for (var i = 0; i < history.Length; i++)
        {
            // JSON may carry nulls where the type says none can be.
            if (history[i] is not { Role: "user" or "assistant", Content: { } content })
                return $"history[{i}] needs a role of 'user' or 'assistant' and a content.";
            if (content.Length > RequestLimits.MaxHistoryContentLength)
                return $"history[{i}].content has at most {RequestLimits.MaxHistoryContentLength} characters.";
            if (RequestText.Problem(content) is { } problem)
                return $"history[{i}].content {problem}";
        }
        return null;
    }
}
