using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// The embedded index's tables. Chunks have an integer key that is never reused (AUTOINCREMENT): the vector graph and
/// the FTS5 table address chunks by it, and <c>vector_log</c> records each key added or removed, in the same transaction
/// as the chunk, so a vector graph saved at any point can be brought up to date from SQLite.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 2;

    /// <summary>How chunk text is split into indexed terms (also used to find a query word's indexed form).</summary>
    public const string Tokenizer = "porter unicode61";

    private const string Tables = $"""
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            course TEXT NULL,
            kind TEXT NULL,
            content_hash TEXT NOT NULL,
            chunk_count INTEGER NOT NULL,
            indexed_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS chunks (
            key INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            heading_path TEXT NOT NULL,
            text TEXT NOT NULL,
            vector BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_chunks_document ON chunks(document_id);
        CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(title, heading_path, text, tokenize = '{Tokenizer}');
        CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts_terms USING fts5vocab(chunks_fts, row);
        CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts_instances USING fts5vocab(chunks_fts, instance);
        CREATE TABLE IF NOT EXISTS vector_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            chunk_key INTEGER NOT NULL,
            added INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS index_state (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL);
        """;

    // Version 0 keyed chunks by their text id and the FTS5 table by an unindexed chunk_id column (a delete scanned it).
    private const string FromVersion0 = """
        ALTER TABLE chunks RENAME TO chunks_v0;
        DROP INDEX IF EXISTS ix_chunks_document;
        DROP TABLE IF EXISTS chunks_fts;
        """ + Tables + """
        INSERT INTO chunks (id, document_id, ordinal, heading_path, text, vector)
            SELECT id, document_id, ordinal, heading_path, text, vector FROM chunks_v0 ORDER BY document_id, ordinal;
        DROP TABLE chunks_v0;
        INSERT INTO chunks_fts (rowid, title, heading_path, text)
            SELECT c.key, d.title, c.heading_path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id;
        """;

    public static async Task CreateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;", cancellationToken);
        var version = await ScalarAsync(connection, "PRAGMA user_version", cancellationToken);
        if (version >= Version) return;
        var legacy = await ScalarAsync(connection, "SELECT COUNT(*) FROM pragma_table_info('chunks') WHERE name = 'chunk_id' OR name = 'id'", cancellationToken) > 0
            && await ScalarAsync(connection, "SELECT COUNT(*) FROM pragma_table_info('chunks') WHERE name = 'key'", cancellationToken) == 0;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, legacy ? FromVersion0 : Tables, cancellationToken);
        await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {Version};", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
