using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

internal static class SqliteChunkWriter
{
    public static async Task<bool> DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string documentId, CancellationToken cancellationToken)
    {
        await using var fts = connection.CreateCommand();
        fts.Transaction = transaction;
        fts.CommandText = "DELETE FROM chunks_fts WHERE chunk_id IN (SELECT id FROM chunks WHERE document_id = $id)";
        fts.Parameters.AddWithValue("$id", documentId);
        await fts.ExecuteNonQueryAsync(cancellationToken);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM chunks WHERE document_id = $id; DELETE FROM documents WHERE id = $id;";
        command.Parameters.AddWithValue("$id", documentId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public static async Task InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, IndexedDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        await using (var doc = connection.CreateCommand())
        {
            doc.Transaction = transaction;
            doc.CommandText = """
                INSERT INTO documents (id, title, source, course, kind, content_hash, chunk_count, indexed_at)
                VALUES ($id, $title, $source, $course, $kind, $hash, $count, $at)
                """;
            doc.Parameters.AddWithValue("$id", document.Id);
            doc.Parameters.AddWithValue("$title", document.Title);
            doc.Parameters.AddWithValue("$source", document.Source);
            doc.Parameters.AddWithValue("$course", (object?)document.Course ?? DBNull.Value);
            doc.Parameters.AddWithValue("$kind", (object?)document.Kind ?? DBNull.Value);
            doc.Parameters.AddWithValue("$hash", document.ContentHash);
            doc.Parameters.AddWithValue("$count", chunks.Count);
            doc.Parameters.AddWithValue("$at", document.IndexedAt.ToString("O"));
            await doc.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var chunk = connection.CreateCommand();
        chunk.Transaction = transaction;
        chunk.CommandText = """
            INSERT OR REPLACE INTO chunks (id, document_id, ordinal, heading_path, text, vector) VALUES ($id, $doc, $ordinal, $heading, $text, $vector);
            INSERT INTO chunks_fts (chunk_id, title, heading_path, text) VALUES ($id, $title, $heading, $text);
            """;
        var id = chunk.Parameters.Add("$id", SqliteType.Text);
        var docId = chunk.Parameters.Add("$doc", SqliteType.Text);
        var ordinal = chunk.Parameters.Add("$ordinal", SqliteType.Integer);
        var heading = chunk.Parameters.Add("$heading", SqliteType.Text);
        var text = chunk.Parameters.Add("$text", SqliteType.Text);
        var vector = chunk.Parameters.Add("$vector", SqliteType.Blob);
        var title = chunk.Parameters.Add("$title", SqliteType.Text);
        foreach (var c in chunks)
        {
            id.Value = c.Id;
            docId.Value = c.DocumentId;
            ordinal.Value = c.Ordinal;
            heading.Value = c.HeadingPath;
            text.Value = c.Text;
            vector.Value = SqliteVectorIndex.ToBlob(c.Vector);
            title.Value = c.DocumentTitle;
            await chunk.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
