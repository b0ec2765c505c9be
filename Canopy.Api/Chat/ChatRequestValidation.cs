using Canopy.Api.Features;
using Canopy.Api.Llm;
using Canopy.Contracts;
using Canopy.Contracts.Chat;

namespace Canopy.Api.Chat;

/// <summary>What canopy-be accepts in a <see cref="ChatRequest"/>: the checks need the feature settings, so they live here.</summary>
public static class ChatRequestValidation
{
    /// <summary>Problems by field, empty when the request can be answered.</summary>
    public static Dictionary<string, string[]> Validate(this ChatRequest request, FeatureCatalog features, LlmProvider provider)
    {
        var (message, conversationId, feature, history, _, confirmations) = request;
        var errors = new Dictionary<string, string[]>();
        var refusal = features.Refusal(feature);
        if (refusal is not null) errors["feature"] = [refusal];
        var settings = refusal is null ? features.Get(feature ?? FeatureCatalog.Default) : null;
        if (settings is { UsesTools: true } && !provider.CallsTools)
            errors["feature"] = [$"{settings.Name} needs a model that calls tools (Canopy:Llm vllm or endpoint); {provider.Name} cannot."];
        if (ConfirmationsProblem(confirmations, settings) is { } confirmationProblem)
            errors["confirmations"] = [confirmationProblem];
        else if (confirmations is { Length: > 0 } && conversationId is null)
            errors["conversationId"] = ["Confirmations answer a conversation's last turn: give its conversation id."];
        // A feature that retrieves sends the message to canopy-rag as its query, so canopy-rag's limit applies.
        var maxLength = settings?.UsesRetrieval == false ? RequestLimits.MaxMessageLength : RequestLimits.MaxSearchQueryLength;
        if (string.IsNullOrWhiteSpace(message))
        {
            // Answering a confirmation is a turn of its own: the student may have nothing more to say.
            if (!(confirmations is { Length: > 0 } && string.IsNullOrEmpty(message))) errors["message"] = ["A message is required."];
        }
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

    private static string? ConfirmationsProblem(ToolConfirmation[]? confirmations, FeatureSettings? settings)
    {
        if (confirmations is null) return null;
        if (settings is { UsesTools: false }) return $"{settings.Name} has no tools to confirm.";
        if (confirmations.Length > RequestLimits.MaxToolConfirmations) return $"At most {RequestLimits.MaxToolConfirmations} confirmations are accepted.";
        for (var i = 0; i < confirmations.Length; i++)
        {
            if (confirmations[i] is not { RequestId: { Length: > 0 and <= RequestLimits.MaxConversationIdLength } id } || RequestText.Problem(id) is not null)
                return $"confirmations[{i}] needs a requestId of 1 to {RequestLimits.MaxConversationIdLength} characters, as the confirmation event gave it.";
        }
        return null;
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
