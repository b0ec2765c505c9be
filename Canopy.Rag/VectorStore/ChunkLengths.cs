using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Each chunk's length in indexed terms (all columns), as FTS5 records it in <c>chunks_fts_docsize</c>, kept in memory by
/// chunk key for BM25. A chunk's text never changes under its key (keys are never reused), so a length once read stays
/// right; lengths not read yet are fetched when a search meets them, and <see cref="LoadAllAsync"/> reads them all.
/// </summary>
internal sealed class ChunkLengths
{
    // Keys beyond this (an index rewritten some thirty times over at a million chunks) are fetched each time rather
    // than kept: the array is indexed by key, and this bounds it at 128 MB.
    private const long MaxCachedKey = 1L << 25;

    private const int FetchBatch = 500;

    private readonly Lock _growLock = new();
    private int[] _lengths = [];

    /// <summary>The chunk's length, or 0 when not known yet (a chunk a term was found in has at least one term).</summary>
    public int Get(long key)
    {
        var lengths = Volatile.Read(ref _lengths);
        return key >= 0 && key < lengths.Length ? lengths[key] : 0;
    }

    /// <summary>Reads the lengths of the given chunks; returns them by key (chunks deleted meanwhile are missing).</summary>
    public async Task<Dictionary<long, int>> FetchAsync(SqliteConnection connection, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, int>(keys.Count);
        for (var start = 0; start < keys.Count; start += FetchBatch)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT id, sz FROM chunks_fts_docsize WHERE id IN ({string.Join(',', keys.Skip(start).Take(FetchBatch))})";
            await ReadAsync(command, found, cancellationToken);
        }
        return found;
    }

    /// <summary>Reads every chunk's length (at a million chunks, about a second off the request path).</summary>
    public async Task LoadAllAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, sz FROM chunks_fts_docsize";
        await ReadAsync(command, null, cancellationToken);
    }

    private async Task ReadAsync(SqliteCommand command, Dictionary<long, int>? found, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // Rows are read synchronously (SQLite reads are; the async form only adds a task per row).
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = reader.GetInt64(0);
            // GetBytes would open an incremental blob handle per row (several times slower).
            var length = (int)Varints.Sum(reader.GetFieldValue<byte[]>(1));
            found?.Add(key, length);
            Set(key, length);
        }
    }

    private void Set(long key, int length)
    {
        if (key < 0 || key >= MaxCachedKey) return;
        lock (_growLock)
        {
            if (key >= _lengths.Length)
            {
                var grown = new int[(int)Math.Min(MaxCachedKey, Math.Max(key + 1, _lengths.Length * 3L / 2 + 1024))];
                _lengths.CopyTo(grown, 0);
                Volatile.Write(ref _lengths, grown);
            }
            _lengths[key] = length;
        }
    }
}
