using Microsoft.Extensions.AI;

namespace Canopy.Api.Agent.Memory;

/// <summary>
/// The agent's messages per conversation and owner (tool calls, results and pending confirmations included), so a
/// conversation continues where it stopped, on any replica and after a restart. A seam: a later store is PostgreSQL.
/// </summary>
public interface IConversationMemory
{
    /// <summary>The conversation's messages, oldest first; empty when the owner has none under this id.</summary>
    Task<IReadOnlyList<ChatMessage>> LoadAsync(string conversationId, string owner, CancellationToken cancellationToken);

    /// <summary>Replaces the conversation's messages with <paramref name="messages"/>, in one transaction.</summary>
    Task SaveAsync(string conversationId, string owner, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken);
}
