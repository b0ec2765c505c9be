namespace Canopy.Contracts.Chat;

/// <summary>
/// Body of <c>POST /api/chat</c>; canopy-be checks it (everything may be missing or null on the wire). <see cref="PromptAlias"/>
/// picks the prompt version (<c>champion</c> when left out; <c>challenger</c> only while the feature's A/B test runs).
/// </summary>
public sealed record ChatRequest(
    string? Message, string? ConversationId = null, string? Feature = null, ChatHistoryTurn[]? History = null, string? PromptAlias = null);

/// <summary>An earlier turn of the conversation: <see cref="Role"/> is <c>user</c> or <c>assistant</c>.</summary>
public sealed record ChatHistoryTurn(string Role, string Content);
