using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>A document's fields that every one of its search results repeats.</summary>
internal sealed record DocumentHeader(string Title, string Source, string? Course);

/// <summary>
/// The headers of documents that results came from, kept in memory: joining each result to its document cost two more
/// B-tree seeks per result, most of the time spent reading results. A write forgets its document; a header read while
/// a write was committing is used but not kept.
/// </summary>
internal sealed class DocumentHeaders
{
    private readonly ConcurrentDictionary<string, DocumentHeader> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation;

    public void Forget(string documentId)
    {
        lock (_gate)
        {
            _generation++;
            _known.TryRemove(documentId, out _);
        }
    }

    public async Task<Dictionary<string, DocumentHeader>> GetAsync(SqliteConnection connection, IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        long generation;
        lock (_gate) generation = _generation;
        var headers = new Dictionary<string, DocumentHeader>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in documentIds.Distinct(StringComparer.Ordinal))
        {
            if (_known.TryGetValue(id, out var known)) headers[id] = known;
            else missing.Add(id);
        }
        if (missing.Count == 0) return headers;

        var read = await ReadAsync(connection, missing, cancellationToken);
        foreach (var (id, header) in read) headers[id] = header;
        lock (_gate)
        {
            if (generation == _generation)
                foreach (var (id, header) in read) _known[id] = header;
        }
        return headers;
    }

    private static async Task<List<(string Id, DocumentHeader Header)>> ReadAsync(SqliteConnection connection, List<string> ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, title, source, course FROM documents WHERE id IN ({SqliteChunkReader.Parameters(command, "$d", ids)})";
        var headers = new List<(string, DocumentHeader)>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            headers.Add((reader.GetString(0), new DocumentHeader(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))));
        return headers;
    }
}
