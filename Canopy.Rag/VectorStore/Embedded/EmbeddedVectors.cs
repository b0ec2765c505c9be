using System.Numerics.Tensors;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore.Embedded;

/// <summary>
/// The vector half of the embedded index, in memory. New vectors land in a contiguous array searched exactly
/// (<see cref="FlatVectors"/>); while the index holds at most <see cref="EmbeddedIndexOptions.ExactSearchThreshold"/>
/// chunks that array is the whole index. Beyond it an HNSW graph holds the rest: a background maintainer moves vectors
/// from the array into the graph, removes deleted ones from it, saves it and compacts it, so a write costs the same at
/// any size and a search is the graph's answer merged with the array's. SQLite stays the source of truth: the graph is
/// saved beside it with the last log entry it holds, brought up to date from the log when opened, and rebuilt from
/// the chunks when it is missing or stale. Writes come from one writer at a time (the caller's write lock).
/// </summary>
internal sealed partial class EmbeddedVectors(
    EmbeddedIndexOptions options, GraphFiles files, Func<CancellationToken, Task<SqliteConnection>> open, SemaphoreSlim writeLock, ILogger logger)
    : IDisposable
{
    // A filter that admits this few chunks is searched exactly (each vector fetched from the graph costs microseconds);
    // beyond it the graph walk skips what the filter refuses.
    private const int MoveBatch = 256;

    private readonly ReaderWriterLockSlim _gate = new();
    private readonly ChunkDirectory _directory = new();
    private readonly HnswSettings _hnsw = new(options.HnswConnectivity, options.HnswExpansionAdd, options.HnswExpansionSearch);
    private readonly SemaphoreSlim _pending = new(0);
    private readonly SemaphoreSlim _maintenance = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<long> _removals = [];
    private FlatVectors? _recent;
    private HnswGraph? _graph;
    private string? _viewPath;
    private long _appliedSeq;
    private long _savedSeq;
    private long _removedSinceBuild;
    private bool _saveWanted;
    private Task? _maintainer;
    private long _lastWriteAt;

    /// <summary>How vectors are searched now: <c>exact</c> or <c>hnsw</c>.</summary>
    public string Method => _graph is null ? "exact" : "hnsw";

    /// <summary>Whether searches read the saved graph's mapped file (after a restart, until the first write).</summary>
    public bool SearchesMappedGraph => _graph?.IsView == true;

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
            if (scope is { Chunks: 0 } || k <= 0 || _recent is null) return [];
            if (_graph is null) return scope is null ? _recent.Search(query, k) : _recent.Search(query, k, scope.Keys);
            // From here on the graph holds most vectors and the array the ones not moved yet.
            if (scope is { Chunks: <= FilteredExactLimit }) return Exact(query, k, scope.Keys);
            // The graph may still hold chunks deleted a moment ago: ask for that many more and drop them.
            var wanted = k + Math.Min(_removals.Count, 1_000);
            _graph.ExpansionSearch = ExpansionFor(_directory.Count);
            // Unfiltered with nothing pending, the graph holds live chunks only: the plain search walks it without a callback.
            var fromGraph = scope is not null ? _graph.Search(query, wanted, scope.Admits)
                : _removals.Count == 0 ? _graph.Search(query, wanted) : _graph.Search(query, wanted, _directory.Contains);
            var fromRecent = scope is null ? _recent.Search(query, k) : _recent.Search(query, k, scope.Admits);
            var merged = Merge(fromGraph, fromRecent, k);
            // The walk can end before it meets k admitted chunks; the exact scan then answers in full.
            return scope is null || merged.Count >= Math.Min(k, scope.Chunks) ? merged : Exact(query, k, scope.Keys);
        }
        finally { _gate.ExitReadLock(); }
    }

    /// <summary>Those of the keys whose chunks the filter admits.</summary>
    public IReadOnlySet<long> Admitted(SearchFilter filter, IEnumerable<long> keys)
    {
        _gate.EnterReadLock();
        try { return _directory.Scope(filter) is { } scope ? keys.Where(scope.Admits).ToHashSet() : keys.ToHashSet(); }
        finally { _gate.ExitReadLock(); }
    }

    /// <summary>Applies a committed write (the caller holds the write lock): <paramref name="seq"/> is the log's last entry after it.</summary>
    public void Apply(IReadOnlyList<StoredVector> added, IReadOnlyList<long> removed, long seq)
    {
        _gate.EnterWriteLock();
        try
        {
            if (added.Count > 0) _recent ??= new FlatVectors(added[0].Vector!.Length);
            foreach (var key in removed)
            {
                _directory.Remove(key);
                // A vector not in the array is in the graph: the maintainer removes it there.
                if (_recent?.Remove(key) != true && _graph is not null) _removals.Add(key);
            }
            foreach (var vector in added)
            {
                _directory.Add(vector.Key, vector.DocumentId, vector.Course);
                _recent!.Add(vector.Key, vector.Vector);
            }
            _appliedSeq = seq;
            // Past the threshold the graph exists at once (empty); the maintainer fills it while searches use both.
            if (_graph is null && _recent is not null && _recent.Count > options.ExactSearchThreshold)
            {
                _graph = HnswGraph.Create(_recent.Dimensions, _hnsw);
                _saveWanted = true;
            }
        }
        finally { _gate.ExitWriteLock(); }
        Volatile.Write(ref _lastWriteAt, TimeProvider.System.GetTimestamp());
        if (_graph is not null) _pending.Release();
    }

    /// <summary>Moves every pending vector into the graph, compacts it if due, and saves it (with the log trimmed).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _maintenance.WaitAsync(cancellationToken);
        try { await MaintainAsync(save: true, cancellationToken); }
        finally { _maintenance.Release(); }
    }

    private void StartMaintainer()
    {
        _maintainer = Task.Run(async () =>
        {
            while (!_stopping.IsCancellationRequested)
            {
                try
                {
                    await _pending.WaitAsync(_stopping.Token);
                    await WaitForQuietAsync(_stopping.Token);
                    await _maintenance.WaitAsync(_stopping.Token);
                    try { await MaintainAsync(save: false, _stopping.Token); }
                    finally { _maintenance.Release(); }
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { return; }
                catch (Exception ex) when (ex is not OutOfMemoryException) { LogMaintenanceFailed(logger, ex); }
            }
        });
    }

    // Graph insertions cost more than the writes they follow and share the core with them: they wait for a pause in
    // writing, unless the backlog has grown past its limit.
    private async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var quiet = TimeProvider.System.GetElapsedTime(Volatile.Read(ref _lastWriteAt));
            if (quiet >= options.GraphQuietPeriod || Backlog >= options.GraphBacklogLimit) return;
            await Task.Delay(options.GraphQuietPeriod - quiet, cancellationToken);
        }
    }

    private async Task MaintainAsync(bool save, CancellationToken cancellationToken)
    {
        // Until there is something to write into the graph, searches read the mapped file: a restart reads only the pages they touch.
        if (!save && !HasBacklog) return;
        LoadWritable();
        MoveToGraph();
        if (_graph is not null && _removedSinceBuild > options.CompactAfterRemovedFraction * Math.Max(Count, 1)) Compact();
        if (save || _saveWanted || _appliedSeq - _savedSeq >= options.CheckpointAfterChanges) await CheckpointAsync(cancellationToken);
    }

    private bool HasBacklog => Backlog > 0;

    /// <summary>Vectors written but not yet in the graph, and removals it has not taken yet (0 without a graph).</summary>
    public int Backlog
    {
        get
        {
            _gate.EnterReadLock();
            try { return _graph is null ? 0 : (_recent?.Count ?? 0) + _removals.Count; }
            finally { _gate.ExitReadLock(); }
        }
    }

    // Start-up maps the saved graph; the copy that takes writes is read here, off the request path, and swapped in.
    private void LoadWritable()
    {
        if (_viewPath is not { } path) return;
        var writable = HnswGraph.Open(path, _graph!.Dimensions, _hnsw);
        HnswGraph view;
        _gate.EnterWriteLock();
        try { (view, _graph, _viewPath) = (_graph!, writable, null); }
        finally { _gate.ExitWriteLock(); }
        view.Dispose();
        LogWritableLoaded(logger, path);
    }

    // Vectors go into the graph outside the gate (the library locks per node); leaving the array happens under it.
    private void MoveToGraph()
    {
        var graph = _graph;
        if (graph is null || graph.IsView) return;
        while (true)
        {
            List<(long Key, float[] Vector)> batch;
            List<long> removals;
            _gate.EnterReadLock();
            try
            {
                batch = _recent?.Copy(MoveBatch) ?? [];
                removals = [.. _removals.Take(MoveBatch)];
            }
            finally { _gate.ExitReadLock(); }
            if (batch.Count == 0 && removals.Count == 0) return;

            foreach (var (key, vector) in batch) graph.Add(key, vector);
            // Keys stay listed as pending until the graph has dropped them, so that searches keep filtering them out.
            foreach (var key in removals)
                if (graph.Remove(key)) _removedSinceBuild++;
            _gate.EnterWriteLock();
            try
            {
                foreach (var key in removals) _removals.Remove(key);
                // A chunk deleted while it was being added has left the array already: it leaves the graph on the next round.
                foreach (var (key, _) in batch)
                    if (!_recent!.Remove(key)) _removals.Add(key);
            }
            finally { _gate.ExitWriteLock(); }
        }
    }

    // The saved graph holds every entry up to _savedSeq: no write runs while it is saved, and the log keeps only what came after.
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (_graph is null) return;
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            MoveToGraph();
            SaveIfChanged(force: _saveWanted);
            _saveWanted = false;
            await using var connection = await open(cancellationToken);
            await VectorLog.TrimThroughAsync(connection, _savedSeq, cancellationToken);
        }
        finally { writeLock.Release(); }
    }

    /// <summary>Saves the graph if it holds writes no saved graph has; the graph must hold every applied write (nothing pending).</summary>
    private void SaveIfChanged(bool force = false)
    {
        if (_graph is null || (_appliedSeq == _savedSeq && !force)) return;
        files.Save(_graph, _appliedSeq);
        _savedSeq = _appliedSeq;
        files.DeleteAllBut(_savedSeq);
    }

    // Removed vectors leave holes the graph walk steps around: a fresh graph is built from the current one's vectors
    // (writes go on into the array meanwhile), and chunks removed during the build are left out when it is swapped in.
    private void Compact()
    {
        var current = _graph!;
        List<long> keys;
        _gate.EnterReadLock();
        try { keys = [.. _directory.Keys]; }
        finally { _gate.ExitReadLock(); }
        var fresh = HnswGraph.Create(current.Dimensions, _hnsw);
        var vector = new float[current.Dimensions];
        foreach (var key in keys)
            if (current.TryGet(key, vector)) fresh.Add(key, vector);
        _gate.EnterWriteLock();
        try
        {
            foreach (var key in _removals) fresh.Remove(key);
            _removals.Clear();
            _graph = fresh;
            _removedSinceBuild = 0;
            _saveWanted = true;
        }
        finally { _gate.ExitWriteLock(); }
        current.Dispose();
        LogCompacted(logger, keys.Count);
    }

    // At a fixed ef, recall falls as the graph grows (clustered 384-d vectors, ef 64: 0.999 at 100k chunks, 0.86 at 1M), so
    // ef grows as N^0.6 beyond 100k: 256 at 1M (recall 0.975).
    private int ExpansionFor(int chunks) =>
        (int)Math.Min(1024, Math.Ceiling(options.HnswExpansionSearch * Math.Max(1.0, Math.Pow(chunks / 100_000.0, 0.6))));

    // A narrow filter is scanned exactly: the graph walk meets few admitted chunks (29.6 ms for 2,000 of 100,000 chunks),
    // while the scan reads each admitted vector back from the graph, about 5 µs each (97 ms for 20,000 of 1,000,000).
    private const int FilteredExactLimit = 4_096;

    private List<(long Key, float Score)> Exact(ReadOnlySpan<float> query, int k, IEnumerable<long> keys)
    {
        var top = new TopK(k);
        var vector = new float[_recent!.Dimensions];
        foreach (var key in keys)
        {
            var recent = _recent.Get(key);
            if (!recent.IsEmpty) top.Offer(key, TensorPrimitives.Dot(query, recent));
            else if (_graph!.TryGet(key, vector)) top.Offer(key, TensorPrimitives.Dot(query, vector));
        }
        return top.ToList();
    }

    private static List<(long Key, float Score)> Merge(List<(long Key, float Score)> a, List<(long Key, float Score)> b, int k) =>
        [.. a.Concat(b).GroupBy(x => x.Key).Select(g => (g.Key, g.Max(x => x.Score))).OrderByDescending(x => x.Item2).Take(k)];

    public void Dispose()
    {
        _stopping.Cancel();
        try { _maintainer?.Wait(); }
        catch (AggregateException ex) { LogMaintenanceFailed(logger, ex.InnerException!); }
        try
        {
            // A short backlog is moved and the graph saved; a long one is left to the log, which the next start replays.
            if ((_recent?.Count ?? 0) + _removals.Count <= 5_000 && _graph is { IsView: false })
            {
                MoveToGraph();
                SaveIfChanged();
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException) { LogSaveFailed(logger, ex); }
        _graph?.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the vector graph failed; the next start brings it up to date from SQLite")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Maintaining the vector graph failed; searches go on with the graph and the recent vectors")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the vector graph {Path} for writing; searches moved to it from the mapped file")]
    private static partial void LogWritableLoaded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted the vector graph to {Chunks} chunks")]
    private static partial void LogCompacted(ILogger logger, int chunks);
}
