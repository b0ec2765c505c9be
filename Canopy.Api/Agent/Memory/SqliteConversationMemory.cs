using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Agent.Memory;

/// <summary>Conversation memory in canopy-be's SQLite file <c>conversations.db</c>; the messages are Microsoft.Extensions.AI's JSON.</summary>
public sealed class SqliteConversationMemory : IConversationMemory
{
    private readonly DurableSqlite _database;

    public SqliteConversationMemory(IOptions<AgentOptions> options, IHostEnvironment environment)
    {
        _database = new DurableSqlite(options.Value.DataPath, environment, "conversations.db", schema: """
            CREATE TABLE IF NOT EXISTS agent_conversations (
                conversation_id TEXT NOT NULL, owner TEXT NOT NULL, messages TEXT NOT NULL, updated_at TEXT NOT NULL,
                PRIMARY KEY (conversation_id, owner));
            """);
    }

    public async Task<IReadOnlyList<ChatMessage>> LoadAsync(string conversationId, string owner, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT messages FROM agent_conversations WHERE conversation_id = $id AND owner = $owner";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$owner", owner);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<List<ChatMessage>>(json, AIJsonUtilities.DefaultOptions) ?? []
            : [];
    }

    public async Task SaveAsync(string conversationId, string owner, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(messages, AIJsonUtilities.DefaultOptions);
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO agent_conversations (conversation_id, owner, messages, updated_at) VALUES ($id, $owner, $messages, $at)
            ON CONFLICT (conversation_id, owner) DO UPDATE SET messages = excluded.messages, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$messages", json);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
