using Canopy.Api.Features;
using Canopy.Api.Llm;
using Canopy.Contracts;

namespace Canopy.Api.Chat;

/// <summary>Body of <c>POST /api/chat</c>.</summary>
public sealed record ChatRequest(string? Message, string? ConversationId = null, string? Feature = null, ChatTurn[]? History = null)
{
    public Dictionary<string, string[]> Validate(FeatureCatalog features)
    {
        var errors = new Dictionary<string, string[]>();
        var refusal = features.Refusal(Feature);
        if (refusal is not null) errors["feature"] = [refusal];
        var settings = refusal is null ? features.Get(Feature ?? FeatureCatalog.Default) : null;
        // A feature that retrieves sends the message to canopy-rag as its query, so canopy-rag's limit applies.
        var maxLength = settings?.UsesRetrieval == false ? RequestLimits.MaxMessageLength : RequestLimits.MaxSearchQueryLength;
        if (string.IsNullOrWhiteSpace(Message))
            errors["message"] = ["A message is required."];
        else if (Message.Length > maxLength)
            errors["message"] = [$"A message has at most {maxLength} characters{(settings?.UsesRetrieval == false ? "" : " when Canopy searches the course documents")}; this one has {Message.Length}."];
        else if (RequestText.Problem(Message) is { } textProblem)
            errors["message"] = [$"The message {textProblem}"];
        else if (settings is not null && TokenEstimate.Of(Message) > settings.MaxInputTokens)
            errors["message"] = [$"This text has about {TokenEstimate.Of(Message)} tokens; {settings.Name} accepts at most {settings.MaxInputTokens}."];
        if (ConversationId is { Length: > RequestLimits.MaxConversationIdLength })
            errors["conversationId"] = [$"A conversation id has at most {RequestLimits.MaxConversationIdLength} characters."];
        else if (ConversationId is not null && RequestText.Problem(ConversationId) is { } idProblem)
            errors["conversationId"] = [$"The conversation id {idProblem}"];
        if (HistoryProblem() is { } historyProblem)
            errors["history"] = [historyProblem];
        return errors;
    }

    private string? HistoryProblem()
    {
        if (History is null) return null;
        if (History.Length > RequestLimits.MaxHistoryTurns) return $"At most {RequestLimits.MaxHistoryTurns} earlier turns are accepted.";
        for (var i = 0; i < History.Length; i++)
        {
            // JSON may carry nulls where the type says none can be.
            if (History[i] is not { Role: "user" or "assistant", Content: { } content })
                return $"history[{i}] needs a role of 'user' or 'assistant' and a content.";
            if (content.Length > RequestLimits.MaxHistoryContentLength)
                return $"history[{i}].content has at most {RequestLimits.MaxHistoryContentLength} characters.";
            if (RequestText.Problem(content) is { } problem)
                return $"history[{i}].content {problem}";
        }
        return null;
    }
}

/// <summary>An earlier turn of the conversation.</summary>
public sealed record ChatTurn(string Role, string Content);
