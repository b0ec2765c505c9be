namespace Canopy.Contracts.Chat;

/// <summary>
/// Body of <c>POST /api/chat</c>; canopy-be checks it (everything may be missing or null on the wire). <see cref="PromptAlias"/>
/// picks the prompt version (<c>champion</c> when left out; <c>challenger</c> only while the feature's A/B test runs).
/// <see cref="Confirmations"/> answers the <see cref="ConfirmationEvent"/>s that ended the conversation's last turn (the
/// student assistant's writes to the calendar); such a request needs no message.
/// </summary>
public sealed record ChatRequest(
    string? Message, string? ConversationId = null, string? Feature = null, ChatHistoryTurn[]? History = null, string? PromptAlias = null,
    ToolConfirmation[]? Confirmations = null);

/// <summary>The student's answer to a <see cref="ConfirmationEvent"/>: run the tool call, or not.</summary>
public sealed record ToolConfirmation(string? RequestId, bool Approved);

/// <summary>An earlier turn of the conversation: <see cref="Role"/> is <c>user</c> or <c>assistant</c>.</summary>
public sealed record ChatHistoryTurn(string Role, string Content);
