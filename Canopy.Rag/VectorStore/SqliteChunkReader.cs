using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

internal static class SqliteChunkReader
{
    public static async Task<IReadOnlyList<IndexedChunk>> ReadAllAsync(SqliteConnection connection, string? documentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.id, c.document_id, d.title, d.source, d.course, c.ordinal, c.heading_path, c.text, c.vector
            FROM chunks c JOIN documents d ON d.id = c.document_id
            WHERE $doc IS NULL OR c.document_id = $doc
            ORDER BY c.document_id, c.ordinal
            """;
        command.Parameters.AddWithValue("$doc", (object?)documentId ?? DBNull.Value);
        var chunks = new List<IndexedChunk>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(new IndexedChunk(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5), reader.GetString(6), reader.GetString(7),
                SqliteVectorIndex.FromBlob((byte[])reader.GetValue(8))));
        }
        return chunks;
    }

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

    public static async Task<IReadOnlyList<(string ChunkId, double Score)>> SearchFtsAsync(
        SqliteConnection connection, string match, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // bm25() is lower-is-better; weights favour the body text over title and headings.
        command.CommandText = """
            SELECT chunk_id, -bm25(chunks_fts, 0.0, 2.0, 1.5, 1.0) AS score FROM chunks_fts
            WHERE chunks_fts MATCH $match ORDER BY score DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        var results = new List<(string, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) results.Add((reader.GetString(0), reader.GetDouble(1)));
        return results;
    }
}
