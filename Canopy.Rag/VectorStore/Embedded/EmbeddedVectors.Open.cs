using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore.Embedded;

internal sealed partial class EmbeddedVectors
{
    /// <summary>
    /// Loads the vectors from one consistent read of SQLite: into the array when the index is small; otherwise the saved
    /// graph brought up to date from the log, or, when it is missing or stale, a graph rebuilt from every chunk.
    /// </summary>
    public async Task OpenAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        // One read transaction: the count, the log and the chunks are all of the same moment. It is begun by statement, so
        // that the readers' commands need no transaction object; it only reads, and ends before anything is written.
        await ExecuteAsync(connection, "BEGIN DEFERRED", cancellationToken);
        bool rebuilt;
        try
        {
            rebuilt = await OpenFromSnapshotAsync(connection, progress, cancellationToken);
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }
        if (rebuilt)
        {
            SaveIfChanged(force: true);
            await VectorLog.TrimThroughAsync(connection, _savedSeq, cancellationToken);
        }
        else if (_graph is null)
        {
            // A small index keeps no graph: a saved one would be stale by the time the index grows again.
            files.DeleteAllBut(keep: null);
            await VectorLog.TrimThroughAsync(connection, _appliedSeq, cancellationToken);
            _savedSeq = _appliedSeq;
        }
        files.DeleteAllBut(_graph is null ? null : _savedSeq);
        StartMaintainer();
        // A mapped graph is loaded for writing when the first write comes (or the log replayed one), not on every start.
        if (_graph is not null && HasBacklog) _pending.Release();
    }

    /// <summary>Fills the array or the graph; true when the graph had to be built from the chunks (it is then saved).</summary>
    private async Task<bool> OpenFromSnapshotAsync(SqliteConnection connection, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var count = await ScalarAsync(connection, "SELECT COUNT(*) FROM chunks", cancellationToken);
        var lastSeq = await VectorLog.LastSeqAsync(connection, cancellationToken);
        var trimmed = await VectorLog.TrimmedThroughAsync(connection, cancellationToken);
        _appliedSeq = lastSeq;

        if (count <= options.ExactSearchThreshold)
        {
            await foreach (var stored in SqliteChunkReader.ReadVectorsAsync(connection, cancellationToken))
            {
                _recent ??= new FlatVectors(stored.Vector!.Length, (int)Math.Max(count, 1));
                _recent.Add(stored.Key, stored.Vector);
                _directory.Add(stored.Key, stored.DocumentId, stored.Course);
            }
            await ExecuteAsync(connection, "COMMIT", cancellationToken);
            return false;
        }

        var dimensions = (int)await ScalarAsync(connection, "SELECT length(vector) / 4 FROM chunks LIMIT 1", cancellationToken);
        _recent = new FlatVectors(dimensions);
        if (files.Latest() is { } saved && saved.Seq >= trimmed && saved.Seq <= lastSeq
            && await TryLoadAsync(connection, saved.Path, saved.Seq, dimensions, count, progress, cancellationToken))
        {
            _savedSeq = saved.Seq;
            await ExecuteAsync(connection, "COMMIT", cancellationToken);
            return false;
        }
        await RebuildAsync(connection, dimensions, count, progress, cancellationToken);
        await ExecuteAsync(connection, "COMMIT", cancellationToken);
        return true;
    }

    private async Task<bool> TryLoadAsync(
        SqliteConnection connection, string path, long seq, int dimensions, long count, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        HnswGraph graph;
        // Searches start on the mapped file; once writes come, the maintainer loads a graph that takes them and swaps it in (LoadWritable).
        try { graph = HnswGraph.View(path, dimensions, _hnsw); }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException)
        {
            LogGraphUnusable(logger, path, ex);
            return false;
        }
        progress?.Report($"Loaded the vector graph of {graph.Count} chunks; reading the chunk directory.");
        SqliteChunkReader.ReadDirectory(connection, _directory, (int)count);
        var replayed = await ReplayAsync(connection, graph, seq, cancellationToken);
        var held = graph.Count - _removals.Count + _recent!.Count;
        if (held != count)
        {
            LogGraphOutOfStep(logger, path, held, count);
            _removals.Clear();
            graph.Dispose();
            _directory.Clear();
            _recent = new FlatVectors(dimensions);
            return false;
        }
        (_graph, _viewPath) = (graph, path);
        LogGraphLoaded(logger, path, count, replayed);
        return true;
    }

    private async Task RebuildAsync(SqliteConnection connection, int dimensions, long count, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var graph = HnswGraph.Create(dimensions, _hnsw);
        try
        {
            long done = 0;
            await foreach (var stored in SqliteChunkReader.ReadVectorsAsync(connection, cancellationToken))
            {
                graph.Add(stored.Key, stored.Vector);
                _directory.Add(stored.Key, stored.DocumentId, stored.Course);
                if (++done % 10_000 == 0) progress?.Report($"Building the vector graph: {done} of {count} chunks ({done * 100 / count}%).");
            }
        }
        catch
        {
            graph.Dispose();
            throw;
        }
        _graph = graph;
        LogGraphRebuilt(logger, count, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Applies the log's entries after <paramref name="seq"/>: removals are listed as pending (the mapped graph cannot take
    /// them; searches leave them out), additions go to the array of recent vectors (the maintainer moves both into the
    /// graph after start-up). Returns how many entries there were.
    /// </summary>
    private async Task<int> ReplayAsync(SqliteConnection connection, HnswGraph graph, long seq, CancellationToken cancellationToken)
    {
        var entries = await VectorLog.ReadAfterAsync(connection, seq, cancellationToken);
        foreach (var entry in entries)
        {
            if (!entry.Added)
            {
                if (!_recent!.Remove(entry.Key) && graph.Contains(entry.Key)) _removals.Add(entry.Key);
            }
            // A chunk added and removed again after the save is gone from SQLite: nothing to add.
            else if (await SqliteChunkReader.ReadVectorAsync(connection, entry.Key, cancellationToken) is { Vector: { } vector })
                _recent!.Add(entry.Key, vector);
        }
        return entries.Count;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the vector graph {Path} ({Chunks} chunks, {Replayed} log entries applied since it was saved)")]
    private static partial void LogGraphLoaded(ILogger logger, string path, long chunks, int replayed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The vector graph {Path} cannot be used; rebuilding it from SQLite")]
    private static partial void LogGraphUnusable(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The vector graph {Path} holds {Graph} vectors where SQLite holds {Chunks} chunks; rebuilding it")]
    private static partial void LogGraphOutOfStep(ILogger logger, string path, long graph, long chunks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the vector graph of {Chunks} chunks from SQLite in {Seconds:F1} s")]
    private static partial void LogGraphRebuilt(ILogger logger, long chunks, double seconds);

}
