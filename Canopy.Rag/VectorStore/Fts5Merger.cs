using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Merges FTS5's index segments into one, in small steps that writes can come between. Each write leaves a segment of
/// its own (FTS5 merges them in levels of four), and a term's postings are read from every segment: at 100k chunks
/// written a document at a time the index held 25 segments, and reading a term cost about twice what it does from one.
/// A merge runs after a bulk load (<see cref="MergeAsync"/>) and when the index has changed by a tenth since the last.
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
    /// Merges until one segment is left (a negative 'merge' takes every level; a step that changes nothing means done),
    /// writing at most about as many pages as the index held when it began: writes that go on meanwhile leave new
    /// segments, and merging each of them into the rest at once would rewrite the whole index per write.
    /// </summary>
    public async Task MergeAsync(long indexSize, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _changedSinceMerge, 0);
        Interlocked.Exchange(ref _sizeAtMerge, indexSize);
        await using var connection = await open(cancellationToken);
        long steps;
        await using (var size = connection.CreateCommand())
        {
            size.CommandText = "SELECT COUNT(*) FROM chunks_fts_data";
            steps = Convert.ToInt64(await size.ExecuteScalarAsync(cancellationToken)) * 5 / 4 / PagesPerStep + 1;
        }
        await using var step = connection.CreateCommand();
        step.CommandText = $"INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('merge', -{PagesPerStep})";
        await using var changes = connection.CreateCommand();
        changes.CommandText = "SELECT total_changes()";
        for (; steps > 0; steps--)
        {
            await writeLock.WaitAsync(cancellationToken);
            try
            {
                var before = Convert.ToInt64(await changes.ExecuteScalarAsync(cancellationToken));
                await step.ExecuteNonQueryAsync(cancellationToken);
                if (Convert.ToInt64(await changes.ExecuteScalarAsync(cancellationToken)) - before < 2) return;
            }
            finally { writeLock.Release(); }
        }
    }
}
