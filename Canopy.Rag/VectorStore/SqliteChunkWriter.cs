using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Writes a document's chunks. Every statement addresses rows by key (the FTS5 rowid is the chunk key), so the cost of a
/// write depends on the document, not on the size of the index; each key added or removed is logged for the vector graph.
/// </summary>
internal static class SqliteChunkWriter
{
    /// <summary>Removes the document and its chunks; says whether it was there and returns the keys of the chunks removed.</summary>
    public static async Task<(bool Deleted, IReadOnlyList<long> Keys)> DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string documentId, CancellationToken cancellationToken)
    {
        var keys = new List<long>();
        await using (var select = Command(connection, transaction, "SELECT key FROM chunks WHERE document_id = $id"))
        {
            select.Parameters.AddWithValue("$id", documentId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) keys.Add(reader.GetInt64(0));
        }

        await using (var unindex = Command(connection, transaction, """
            DELETE FROM chunks_fts WHERE rowid = $key;
            INSERT INTO vector_log (chunk_key, added) VALUES ($key, 0);
            """))
        {
            var key = unindex.Parameters.Add("$key", SqliteType.Integer);
            foreach (var k in keys)
            {
                key.Value = k;
                await unindex.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var delete = Command(connection, transaction, "DELETE FROM chunks WHERE document_id = $id; DELETE FROM documents WHERE id = $id;");
        delete.Parameters.AddWithValue("$id", documentId);
        return (await delete.ExecuteNonQueryAsync(cancellationToken) > 0, keys);
    }

    /// <summary>Inserts the document row and its chunks; returns the keys given to the chunks, in order.</summary>
    public static async Task<IReadOnlyList<long>> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, IndexedDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        await using (var doc = Command(connection, transaction, """
            INSERT INTO documents (id, title, source, course, kind, content_hash, chunk_count, indexed_at)
            VALUES ($id, $title, $source, $course, $kind, $hash, $count, $at)
            """))
        {
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

        var keys = new List<long>(chunks.Count);
        await using var chunk = Command(connection, transaction, """
            INSERT INTO chunks (id, document_id, ordinal, heading_path, text, vector) VALUES ($id, $doc, $ordinal, $heading, $text, $vector)
            RETURNING key
            """);
        var id = chunk.Parameters.Add("$id", SqliteType.Text);
        var docId = chunk.Parameters.Add("$doc", SqliteType.Text);
        var ordinal = chunk.Parameters.Add("$ordinal", SqliteType.Integer);
        var heading = chunk.Parameters.Add("$heading", SqliteType.Text);
        var text = chunk.Parameters.Add("$text", SqliteType.Text);
        var vector = chunk.Parameters.Add("$vector", SqliteType.Blob);
        await using var index = Command(connection, transaction, """
            INSERT INTO chunks_fts (rowid, title, heading_path, text) VALUES ($key, $title, $heading, $text);
            INSERT INTO vector_log (chunk_key, added) VALUES ($key, 1);
            """);
        var key = index.Parameters.Add("$key", SqliteType.Integer);
        var title = index.Parameters.AddWithValue("$title", document.Title);
        var ftsHeading = index.Parameters.Add("$heading", SqliteType.Text);
        var ftsText = index.Parameters.Add("$text", SqliteType.Text);
        foreach (var c in chunks)
        {
            id.Value = c.Id;
            docId.Value = c.DocumentId;
            ordinal.Value = c.Ordinal;
            heading.Value = c.HeadingPath;
            text.Value = c.Text;
            vector.Value = VectorBlob.ToBytes(c.Vector);
            var k = Convert.ToInt64(await chunk.ExecuteScalarAsync(cancellationToken));
            key.Value = k;
            ftsHeading.Value = c.HeadingPath;
            ftsText.Value = c.Text;
            await index.ExecuteNonQueryAsync(cancellationToken);
            keys.Add(k);
        }
        return keys;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
