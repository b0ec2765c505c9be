using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// The log of chunk keys added to and removed from the index, kept in SQLite beside the chunks. A saved vector graph
/// records the last entry it holds; entries up to a saved graph's entry are trimmed, and the trim point is remembered,
/// so a graph saved before it is known to be stale.
/// </summary>
internal static class VectorLog
{
    public sealed record Entry(long Seq, long Key, bool Added);

    public static async Task<long> LastSeqAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        await ScalarAsync(connection, transaction, "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'vector_log'), 0)", cancellationToken);

    public static async Task<long> TrimmedThroughAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, null, "SELECT COALESCE((SELECT value FROM index_state WHERE name = 'log_trimmed_through'), 0)", cancellationToken);

    public static async Task<IReadOnlyList<Entry>> ReadAfterAsync(SqliteConnection connection, long seq, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, chunk_key, added FROM vector_log WHERE seq > $seq ORDER BY seq";
        command.Parameters.AddWithValue("$seq", seq);
        var entries = new List<Entry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) entries.Add(new Entry(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2) != 0));
        return entries;
    }

    /// <summary>Forgets the entries up to <paramref name="seq"/>: a graph saved with them is all that needs them.</summary>
    public static async Task TrimThroughAsync(SqliteConnection connection, long seq, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ScalarAsync(connection, transaction, "DELETE FROM vector_log WHERE seq <= $seq", cancellationToken, seq);
        await ScalarAsync(connection, transaction, """
            INSERT INTO index_state (name, value) VALUES ('log_trimmed_through', $seq)
            ON CONFLICT(name) DO UPDATE SET value = MAX(value, excluded.value)
            """, cancellationToken, seq);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, long? seq = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (seq is not null) command.Parameters.AddWithValue("$seq", seq);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
