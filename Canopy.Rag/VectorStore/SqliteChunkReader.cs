using System.Globalization;
using System.Runtime.CompilerServices;
using Canopy.Rag.VectorStore.Embedded;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

internal static class SqliteChunkReader
{
    /// <summary>The chunks with these keys (text and metadata, no vectors); keys no longer in the index are absent.</summary>
    public static async Task<Dictionary<long, IndexedChunk>> ReadChunksAsync(
        SqliteConnection connection, IReadOnlyCollection<long> keys, DocumentHeaders headers, CancellationToken cancellationToken)
    {
        var chunks = new Dictionary<long, IndexedChunk>(keys.Count);
        if (keys.Count == 0) return chunks;
        var rows = new List<(long Key, string Id, string DocumentId, int Ordinal, string HeadingPath, string Text)>(keys.Count);
        await using (var command = connection.CreateCommand())
        {
            // Keys are integers from the index itself, so they are written into the statement (SQLite allows few parameters).
            command.CommandText = $"SELECT key, id, document_id, ordinal, heading_path, text FROM chunks WHERE key IN ({string.Join(',', keys)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5)));
        }
        var documents = await headers.GetAsync(connection, rows.Select(r => r.DocumentId), cancellationToken);
        // A document deleted between the two reads takes its chunks with it.
        foreach (var row in rows)
            if (documents.TryGetValue(row.DocumentId, out var document))
                chunks[row.Key] = new IndexedChunk(row.Id, row.DocumentId, document.Title, document.Source, document.Course,
                    row.Ordinal, row.HeadingPath, row.Text, ReadOnlyMemory<float>.Empty);
        return chunks;
    }

    /// <summary>Every chunk's key, document, course and vector, in key order.</summary>
    public static async IAsyncEnumerable<StoredVector> ReadVectorsAsync(SqliteConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.key, c.document_id, d.course, c.vector FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY c.key";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return Read(reader);
    }

    /// <summary>
    /// Fills the directory with every document and chunk key, reading one row per document and synchronously: at a million
    /// chunks, a row, a string and an await per chunk made most of the start-up time.
    /// </summary>
    public static void ReadDirectory(SqliteConnection connection, ChunkDirectory directory, int chunks)
    {
        var documents = new Dictionary<long, int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rowid, id, course FROM documents";
            using var reader = command.ExecuteReader();
            while (reader.Read()) documents[reader.GetInt64(0)] = directory.AddDocument(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        directory.EnsureCapacity(chunks);
        using (var command = connection.CreateCommand())
        {
            // One row per document with its keys joined by commas: a row costs more to step through than to parse.
            // CROSS JOIN keeps SQLite to this order: one seek per document, not one per chunk.
            command.CommandText = """
                SELECT d.rowid, group_concat(c.key) FROM documents d CROSS JOIN chunks c INDEXED BY ix_chunks_document ON c.document_id = d.id
                GROUP BY d.rowid
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var document = documents[reader.GetInt64(0)];
                var keys = reader.GetString(1).AsSpan();
                foreach (var range in keys.Split(',')) directory.Add(long.Parse(keys[range], CultureInfo.InvariantCulture), document);
            }
        }
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
                reader.GetString(5), reader.GetInt32(6), DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture)));
        }
        return documents;
    }

    private static readonly string Bm25Weights = string.Join(", ", Bm25Ranking.ColumnWeights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)));

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
        // bm25() is lower-is-better.
        command.CommandText = $"""
            SELECT chunks_fts.rowid, -bm25(chunks_fts, {Bm25Weights}) AS score FROM chunks_fts {join}
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

    /// <summary>Adds one parameter per value and returns their names joined by commas, for an <c>IN (…)</c> list.</summary>
    public static string Parameters(SqliteCommand command, string prefix, IReadOnlyList<string> values) =>
        string.Join(',', values.Select((value, i) =>
        {
            command.Parameters.AddWithValue($"{prefix}{i}", value);
            return $"{prefix}{i}";
        }));
}

/// <summary>A chunk as the vector side of the index needs it: key, document, course and (when read) its vector.</summary>
internal sealed record StoredVector(long Key, string DocumentId, string? Course, float[]? Vector);
