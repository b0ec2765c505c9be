using Canopy.Api.Features;
using Canopy.Api.Llm;

namespace Canopy.Api.Chat;

/// <summary>Body of <c>POST /api/chat</c>.</summary>
public sealed record ChatRequest(string? Message, string? ConversationId = null, string? Feature = null, ChatTurn[]? History = null)
{
    public const int MaxMessageLength = 32_000;
    public const int MaxHistoryTurns = 50;
    public Dictionary<string, string[]> Validate(FeatureCatalog features)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Message))
            errors["message"] = ["A message is required."];
        else if (Message.Length > MaxMessageLength)
            errors["message"] = [$"A message has at most {MaxMessageLength} characters."];
        if (features.Refusal(Feature) is { } refusal)
            errors["feature"] = [refusal];
        else if (!errors.ContainsKey("message") && features.Get(Feature ?? FeatureCatalog.Default) is var settings
                 && TokenEstimate.Of(Message) > settings.MaxInputTokens)
            errors["message"] = [$"This text has about {TokenEstimate.Of(Message)} tokens; {settings.Name} accepts at most {settings.MaxInputTokens}."];
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
