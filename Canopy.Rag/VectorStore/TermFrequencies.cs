using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// How many chunks hold each indexed term, read from FTS5's row vocabulary in one pass and held in memory (a term looked up
/// alone walks all its postings, so one pass over them all is cheaper than counting each query word). Built once per
/// snapshot: again when the index has grown or shrunk by a tenth since. A term written after the snapshot is missing and
/// counts as rare, which is what a term new to the index almost always is.
/// </summary>
internal sealed class TermFrequencies
{
    private volatile Snapshot? _current;

    /// <summary>The term's document frequency in the last snapshot; false when no snapshot fits an index of this size.</summary>
    public bool TryGet(string form, long indexSize, out long frequency)
    {
        frequency = 0;
        if (_current is not { } snapshot || !Fits(snapshot, indexSize)) return false;
        frequency = snapshot.Frequencies.GetValueOrDefault(form);
        return true;
    }

    public async Task BuildAsync(SqliteConnection connection, long indexSize, CancellationToken cancellationToken)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc FROM chunks_fts_terms";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Rows are read synchronously (SQLite reads are; the async form only adds a task per row).
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            frequencies[reader.GetString(0)] = reader.GetInt32(1);
        }
        _current = new Snapshot(frequencies, indexSize);
    }

    private static bool Fits(Snapshot snapshot, long indexSize) => Math.Abs(snapshot.IndexSize - indexSize) * 10 <= indexSize;

    private sealed record Snapshot(Dictionary<string, int> Frequencies, long IndexSize);
}
