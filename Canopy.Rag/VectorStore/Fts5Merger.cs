using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Merges FTS5's index segments into one, in small steps that writes can come between. Each write leaves a segment of
/// its own (FTS5 merges them in levels of four), and a term's postings are read from every segment: at 100k chunks
/// written a document at a time the index held 25 segments, and reading a term cost about twice what it does from one.
/// A whole-index merge runs after a bulk load (<see cref="MergeAsync"/>); level merges run when the index has changed
/// by a tenth since the last, and at the first search when the index is in many segments.
/// </summary>
internal sealed class Fts5Merger(Func<CancellationToken, Task<SqliteConnection>> open, SemaphoreSlim writeLock)
{
    // Pages written per step: a step holds the write lock for a few milliseconds.
    private const int PagesPerStep = 64;

    private long _changedSinceMerge;
    private long _sizeAtMerge;

    /// <summary>Counts a write's changed chunks; true when a merge is due.</summary>
    public bool Note(int changedChunks, long indexSize)
    {
        var changed = Interlocked.Add(ref _changedSinceMerge, changedChunks);
        return changed * 10 > Math.Max(indexSize, Interlocked.Read(ref _sizeAtMerge));
    }

    /// <summary>The number of segments the index is in now.</summary>
    public static async Task<long> SegmentsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT segid) FROM chunks_fts_idx";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Merges in steps that writes can come between. With <paramref name="whole"/> (after a bulk load) every segment is
    /// gathered into one merge, begun once and continued to its end; otherwise only the merges FTS5 itself would make
    /// (levels of four segments) are run. A whole-index merge is begun by one 'merge' with a negative page count; each
    /// such command lifts the segments to a new level, and FTS5 has 64: begun at every step, as writes came between,
    /// the levels ran out and segments piled up to FTS5's limit of 2,000, when every write failed with SQLITE_FULL.
    /// </summary>
    public async Task MergeAsync(long indexSize, bool whole, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _changedSinceMerge, 0);
        Interlocked.Exchange(ref _sizeAtMerge, indexSize);
        await using var connection = await open(cancellationToken);
        long steps;
        await using (var size = connection.CreateCommand())
        {
            size.CommandText = "SELECT COUNT(*) FROM chunks_fts_data";
            // Far more than a whole merge needs: the bound only stops a merge that writes keep feeding.
            steps = Convert.ToInt64(await size.ExecuteScalarAsync(cancellationToken)) * 4 / PagesPerStep + 16;
        }
        await using var begin = connection.CreateCommand();
        begin.CommandText = $"INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('merge', -{PagesPerStep})";
        await using var step = connection.CreateCommand();
        step.CommandText = $"INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('merge', {PagesPerStep})";
        await using var changes = connection.CreateCommand();
        changes.CommandText = "SELECT total_changes()";
        var begun = !whole;
        for (; steps > 0; steps--)
        {
            await writeLock.WaitAsync(cancellationToken);
            try
            {
                var command = step;
                if (!begun)
                {
                    var structure = await Fts5Structure.ReadAsync(connection, null, cancellationToken);
                    // A merge under way is finished first. The lift needs levels to spare; without them the level merges keep the segments few.
                    if (!structure.Merging)
                    {
                        begun = true;
                        if (structure.Levels < Fts5Structure.MaxLevels - 8) command = begin;
                    }
                }
                var before = Convert.ToInt64(await changes.ExecuteScalarAsync(cancellationToken));
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (Convert.ToInt64(await changes.ExecuteScalarAsync(cancellationToken)) - before < 2) return;
            }
            finally { writeLock.Release(); }
        }
    }
}
