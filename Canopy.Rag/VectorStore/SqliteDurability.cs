using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// The SQLite file runs in WAL mode (set once, kept in the file); every connection also syncs the WAL on each commit
/// (<c>synchronous = FULL</c>), so a write that was acknowledged survives a crash of the process and a power loss.
/// </summary>
internal static class SqliteDurability
{
    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = FULL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
