namespace Canopy.Api.Chat;

/// <summary>Body of <c>POST /api/chat</c>.</summary>
public sealed record ChatRequest(string? Message, string? ConversationId = null, string? Feature = null, ChatTurn[]? History = null)
{
    public const int MaxMessageLength = 8000;
    public const int MaxHistoryTurns = 50;
    public const string DefaultFeature = "information-search";
    public static readonly string[] Features = [DefaultFeature];

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Message))
            errors["message"] = ["A message is required."];
        else if (Message.Length > MaxMessageLength)
            errors["message"] = [$"A message has at most {MaxMessageLength} characters."];
        if (Feature is not null && !Features.Contains(Feature))
            errors["feature"] = [$"Unknown feature '{Feature}'. Available: {string.Join(", ", Features)}."];
        if (ConversationId is { Length: > 100 })
            errors["conversationId"] = ["A conversation id has at most 100 characters."];
        if (History is { Length: > MaxHistoryTurns })
            errors["history"] = [$"At most {MaxHistoryTurns} earlier turns are accepted."];
        else if (History?.Any(t => t.Role is not ("user" or "assistant") || t.Content is null) == true)
            errors["history"] = ["Each turn needs a role of 'user' or 'assistant' and a content."];
        return errors;
    }
}

/// <summary>An earlier turn of the conversation.</summary>
public sealed record ChatTurn(string Role, string Content);
