using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

internal static class SqliteChunkReader
{
    private const string ChunkColumns = """
        SELECT c.key, c.id, c.document_id, d.title, d.source, d.course, c.ordinal, c.heading_path, c.text
        FROM chunks c JOIN documents d ON d.id = c.document_id
        """;

    /// <summary>The chunks with these keys (text and metadata, no vectors); keys no longer in the index are absent.</summary>
    public static async Task<Dictionary<long, IndexedChunk>> ReadChunksAsync(SqliteConnection connection, IReadOnlyCollection<long> keys, CancellationToken cancellationToken)
    {
        var chunks = new Dictionary<long, IndexedChunk>(keys.Count);
        if (keys.Count == 0) return chunks;
        await using var command = connection.CreateCommand();
        // Keys are integers from the index itself, so they are written into the statement (SQLite allows few parameters).
        command.CommandText = $"{ChunkColumns} WHERE c.key IN ({string.Join(',', keys)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks[reader.GetInt64(0)] = new IndexedChunk(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6), reader.GetString(7), reader.GetString(8),
                ReadOnlyMemory<float>.Empty);
        }
        return chunks;
    }

    /// <summary>Every chunk's key, document and course, and its vector when asked (in key order then).</summary>
    public static async IAsyncEnumerable<StoredVector> ReadVectorsAsync(
        SqliteConnection connection, bool withVectors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Without vectors, the document index alone answers (it holds each chunk's key): no chunk text or vector is read.
        command.CommandText = withVectors
            ? "SELECT c.key, c.document_id, d.course, c.vector FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY c.key"
            : "SELECT c.key, c.document_id, d.course, NULL FROM documents d JOIN chunks c INDEXED BY ix_chunks_document ON c.document_id = d.id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return Read(reader);
    }

    /// <summary>The stored vector of one chunk, or null when the chunk is gone.</summary>
    public static async Task<StoredVector?> ReadVectorAsync(SqliteConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.key, c.document_id, d.course, c.vector FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static StoredVector Read(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : VectorBlob.ToVector((byte[])reader.GetValue(3)));

    public static async Task<IReadOnlyList<IndexedDocument>> ReadDocumentsAsync(SqliteConnection connection, string? documentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, title, source, course, kind, content_hash, chunk_count, indexed_at FROM documents
            WHERE $doc IS NULL OR id = $doc ORDER BY title
            """;
        command.Parameters.AddWithValue("$doc", (object?)documentId ?? DBNull.Value);
        var documents = new List<IndexedDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new IndexedDocument(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.GetInt32(6), DateTimeOffset.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return documents;
    }

    /// <summary>The best <paramref name="limit"/> chunks by BM25 among those the filter admits (the filter is part of the query).</summary>
    public static async Task<IReadOnlyList<(long Key, double Score)>> SearchFtsAsync(
        SqliteConnection connection, string match, int limit, SearchFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var conditions = new List<string>();
        if (filter.Courses is { Count: > 0 } courses)
            conditions.Add($"d.course COLLATE NOCASE IN ({Parameters(command, "$course", courses)})");
        if (filter.DocumentIds is { Count: > 0 } documents)
            conditions.Add($"c.document_id IN ({Parameters(command, "$document", documents)})");
        var join = conditions.Count == 0 ? "" : "JOIN chunks c ON c.key = chunks_fts.rowid JOIN documents d ON d.id = c.document_id";
        // bm25() is lower-is-better; weights favour the body text over title and headings.
        command.CommandText = $"""
            SELECT chunks_fts.rowid, -bm25(chunks_fts, 2.0, 1.5, 1.0) AS score FROM chunks_fts {join}
            WHERE chunks_fts MATCH $match {string.Concat(conditions.Select(c => " AND " + c))}
            ORDER BY score DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        var results = new List<(long, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) results.Add((reader.GetInt64(0), reader.GetDouble(1)));
        return results;
    }

    private static string Parameters(SqliteCommand command, string prefix, IReadOnlyList<string> values) =>
        string.Join(',', values.Select((value, i) =>
        {
            command.Parameters.AddWithValue($"{prefix}{i}", value);
            return $"{prefix}{i}";
        }));
}

/// <summary>A chunk as the vector side of the index needs it: key, document, course and (when read) its vector.</summary>
internal sealed record StoredVector(long Key, string DocumentId, string? Course, float[]? Vector);
