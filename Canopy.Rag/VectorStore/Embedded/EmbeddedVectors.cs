using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore.Embedded;

/// <summary>
/// The vector half of the embedded index, in memory: an exact scan over one contiguous array while the index is small,
/// an HNSW graph beyond <see cref="EmbeddedIndexOptions.ExactSearchThreshold"/>. SQLite stays the source of truth: the
/// graph is saved beside it with the last log entry it holds, brought up to date from the log when opened, and rebuilt
/// from the chunks when it is missing or stale. Writes are applied by the one writer (the caller's write lock);
/// searches run beside them.
/// </summary>
internal sealed partial class EmbeddedVectors(
    EmbeddedIndexOptions options, GraphFiles files, Func<CancellationToken, Task<SqliteConnection>> open, SemaphoreSlim writeLock, ILogger logger)
    : IDisposable
{
    // A filter that admits this few chunks is searched exactly: a graph walk would visit more chunks than that.
    private const int FilteredExactLimit = 4096;

    private readonly ReaderWriterLockSlim _gate = new();
    private readonly ChunkDirectory _directory = new();
    private readonly HnswSettings _hnsw = new(options.HnswConnectivity, options.HnswExpansionAdd, options.HnswExpansionSearch);
    private FlatVectors? _flat;
    private HnswGraph? _graph;
    private long _appliedSeq;
    private long _savedSeq;
    private long _removedSinceBuild;
    private Task? _compaction;

    /// <summary>The compaction running now, if any (completed otherwise).</summary>
    public Task Compaction => _compaction ?? Task.CompletedTask;

    /// <summary>How vectors are searched now: <c>exact</c> or <c>hnsw</c>.</summary>
    public string Method => _graph is null ? "exact" : "hnsw";

    public int Count
    {
        get
        {
            _gate.EnterReadLock();
            try { return _directory.Count; }
            finally { _gate.ExitReadLock(); }
        }
    }

    /// <summary>The top k chunk keys by cosine similarity (best first), among the chunks the filter admits.</summary>
    public List<(long Key, float Score)> Search(ReadOnlySpan<float> query, int k, SearchFilter filter)
    {
        _gate.EnterReadLock();
        try
        {
            var scope = _directory.Scope(filter);
            if (scope is { Chunks: 0 } || k <= 0) return [];
            if (_flat is not null) return scope is null ? _flat.Search(query, k) : _flat.Search(query, k, scope.Keys);
            if (_graph is null) return [];
            if (scope is null) return _graph.Search(query, k);
            if (scope.Chunks <= FilteredExactLimit) return ExactOverGraph(query, k, scope.Keys);
            var found = _graph.Search(query, k, scope.Admits);
            // The walk can end before it meets k admitted chunks; the exact scan then answers in full.
            return found.Count >= Math.Min(k, scope.Chunks) ? found : ExactOverGraph(query, k, scope.Keys);
        }
        finally { _gate.ExitReadLock(); }
    }

    /// <summary>Applies a committed write (the caller holds the write lock): <paramref name="seq"/> is the log's last entry after it.</summary>
    public async Task ApplyAsync(IReadOnlyList<StoredVector> added, IReadOnlyList<long> removed, long seq, CancellationToken cancellationToken)
    {
        if (added.Count > 0 && _flat is null && _graph is null) _flat = new FlatVectors(added[0].Vector!.Length);
        // The graph takes additions beside running searches; the directory and the flat array change under the gate.
        foreach (var vector in added) _graph?.Add(vector.Key, vector.Vector);
        _gate.EnterWriteLock();
        try
        {
            foreach (var key in removed)
            {
                _directory.Remove(key);
                _flat?.Remove(key);
            }
            foreach (var vector in added)
            {
                _directory.Add(vector.Key, vector.DocumentId, vector.Course);
                _flat?.Add(vector.Key, vector.Vector);
            }
            _appliedSeq = seq;
        }
        finally { _gate.ExitWriteLock(); }
        if (_graph is not null)
        {
            foreach (var key in removed) _graph.Remove(key);
            _removedSinceBuild += removed.Count;
        }
        await MaintainAsync(cancellationToken);
    }

    /// <summary>Saves the graph if it holds writes that no saved graph has (on shutdown; the caller holds the write lock or is the last user).</summary>
    public void SaveIfChanged(bool force = false)
    {
        if (_graph is null || (_appliedSeq == _savedSeq && !force)) return;
        files.Save(_graph, _appliedSeq);
        _savedSeq = _appliedSeq;
        files.DeleteAllBut(_savedSeq);
    }

    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        if (_flat is not null && _flat.Count > options.ExactSearchThreshold) await UpgradeAsync(cancellationToken);
        else if (_graph is not null && _appliedSeq - _savedSeq >= options.CheckpointAfterChanges) await CheckpointAsync(cancellationToken);
        if (_graph is not null && _compaction is null or { IsCompleted: true } && _removedSinceBuild > options.CompactAfterRemovedFraction * Math.Max(Count, 1))
            _compaction = Task.Run(CompactAsync);
    }

    // The index outgrew the exact scan: the graph is built from the array once, then replaces it.
    private async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        var flat = _flat!;
        var started = TimeProvider.System.GetTimestamp();
        var graph = HnswGraph.Create(flat.Dimensions, _hnsw);
        foreach (var key in flat.Keys.ToList()) graph.Add(key, flat.Get(key));
        Swap(graph, flat: null);
        LogUpgraded(logger, flat.Count, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        await CheckpointAsync(cancellationToken);
    }

    // The saved graph holds every entry up to _savedSeq: the log keeps only what came after.
    private async Task CheckpointAsync(CancellationToken cancellationToken, bool force = false)
    {
        SaveIfChanged(force);
        await using var connection = await open(cancellationToken);
        await VectorLog.TrimThroughAsync(connection, _savedSeq, cancellationToken);
    }

    private void Swap(HnswGraph? graph, FlatVectors? flat)
    {
        HnswGraph? old;
        _gate.EnterWriteLock();
        try
        {
            old = _graph;
            (_graph, _flat) = (graph, flat);
        }
        finally { _gate.ExitWriteLock(); }
        if (!ReferenceEquals(old, graph)) old?.Dispose();
    }

    private List<(long Key, float Score)> ExactOverGraph(ReadOnlySpan<float> query, int k, IEnumerable<long> keys)
    {
        var top = new TopK(k);
        var vector = new float[_graph!.Dimensions];
        foreach (var key in keys)
            if (_graph.TryGet(key, vector)) top.Offer(key, TensorPrimitives.Dot(query, vector));
        return top.ToList();
    }

    public void Dispose()
    {
        try { _compaction?.Wait(); }
        catch (AggregateException ex) { LogCompactionFailed(logger, ex.InnerException!); }
        try { SaveIfChanged(); }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException) { LogSaveFailed(logger, ex); }
        _graph?.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The embedded index passed {Chunks} chunks: built its HNSW graph in {Seconds:F1} s")]
    private static partial void LogUpgraded(ILogger logger, int chunks, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the vector graph failed; the next start brings it up to date from SQLite")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Compacting the vector graph failed; searches go on with the current graph")]
    private static partial void LogCompactionFailed(ILogger logger, Exception exception);
}
