using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static Canopy.Rag.VectorStore.Embedded.USearchNative;

namespace Canopy.Rag.VectorStore.Embedded;

/// <summary>
/// A USearch HNSW graph over normalised vectors (inner product = cosine), stored in half precision: 768 bytes a vector at
/// 384 dimensions. Adds, removes and searches may run side by side (the library locks per node); growing the capacity
/// may not, so it happens under an exclusive lock that searches share.
/// </summary>
internal sealed unsafe class HnswGraph : IDisposable
{
    // Concurrent searches the library keeps a context for; more wait for one (a 2-core service never gets close).
    private const int SearchThreads = 32;

    private readonly ReaderWriterLockSlim _resize = new();
    private readonly SemaphoreSlim _searchSlots = new(SearchThreads, SearchThreads);
    private nint _index;

    private HnswGraph(nint index, int dimensions)
    {
        _index = index;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    public long Count => (long)Call((nint i, out nint e) => Size(i, out e), "size");

    public static HnswGraph Create(int dimensions, HnswSettings settings)
    {
        var options = new InitOptions
        {
            MetricKind = MetricKind.InnerProduct,
            Quantization = ScalarKind.Float16,
            Dimensions = (nuint)dimensions,
            Connectivity = (nuint)settings.Connectivity,
            ExpansionAdd = (nuint)settings.ExpansionAdd,
            ExpansionSearch = (nuint)settings.ExpansionSearch,
        };
        var index = Init(ref options, out var error);
        USearchNative.Check(error, "init");
        var graph = new HnswGraph(index, dimensions);
        graph.Configure(settings);
        return graph;
    }

    /// <summary>Loads a graph saved by <see cref="Save"/>; throws when the file is unreadable or of other dimensions.</summary>
    public static HnswGraph Open(string path, int dimensions, HnswSettings settings) => Open(path, dimensions, settings, view: false);

    /// <summary>
    /// Maps a saved graph without reading it (a tenth of a second where loading a million vectors takes seconds): it can be
    /// searched and read, not changed.
    /// </summary>
    public static HnswGraph View(string path, int dimensions, HnswSettings settings) => Open(path, dimensions, settings, view: true);

    /// <summary>True for a mapped graph (<see cref="View"/>), which takes no adds or removes.</summary>
    public bool IsView { get; private set; }

    private static HnswGraph Open(string path, int dimensions, HnswSettings settings, bool view)
    {
        var graph = Create(dimensions, settings);
        try
        {
            nint error;
            if (view) USearchNative.View(graph._index, path, out error);
            else Load(graph._index, path, out error);
            USearchNative.Check(error, $"{(view ? "view" : "load")} of {path}");
            graph.IsView = view;
            var stored = (int)Call(graph._index, (nint i, out nint e) => USearchNative.Dimensions(i, out e), "dimensions");
            if (stored != dimensions) throw new InvalidDataException($"{path} holds {stored}-dimensional vectors; the index needs {dimensions}.");
            graph.Configure(settings);
            return graph;
        }
        catch
        {
            graph.Dispose();
            throw;
        }
    }

    public void Save(string path)
    {
        _resize.EnterReadLock();
        try
        {
            USearchNative.Save(_index, path, out var error);
            USearchNative.Check(error, $"save to {path}");
        }
        finally { _resize.ExitReadLock(); }
    }

    public void Add(long key, ReadOnlySpan<float> vector)
    {
        if (IsView) throw new InvalidOperationException("A mapped vector graph cannot be changed.");
        if (vector.Length != Dimensions) throw new ArgumentException($"The vector has {vector.Length} dimensions; the index holds {Dimensions}.", nameof(vector));
        EnsureCapacity(Count + 1);
        _resize.EnterReadLock();
        try
        {
            // Keys are never reused, so a key already present is the same vector: adding is idempotent.
            if (USearchNative.Contains(_index, (ulong)key, out var error)) return;
            USearchNative.Check(error, "contains");
            fixed (float* v = vector) USearchNative.Add(_index, (ulong)key, v, ScalarKind.Float32, out error);
            USearchNative.Check(error, "add");
        }
        finally { _resize.ExitReadLock(); }
    }

    public bool Remove(long key)
    {
        if (IsView) throw new InvalidOperationException("A mapped vector graph cannot be changed.");
        _resize.EnterReadLock();
        try
        {
            var removed = USearchNative.Remove(_index, (ulong)key, out var error);
            USearchNative.Check(error, "remove");
            return removed > 0;
        }
        finally { _resize.ExitReadLock(); }
    }

    /// <summary>The candidate list of a search (ef); changing it while searches run is safe (the library reads it per search).</summary>
    public int ExpansionSearch
    {
        get;
        set
        {
            if (field == value) return;
            ChangeExpansionSearch(_index, (nuint)value, out var error);
            USearchNative.Check(error, "expansion");
            field = value;
        }
    }

    public bool Contains(long key)
    {
        _resize.EnterReadLock();
        try
        {
            var contains = USearchNative.Contains(_index, (ulong)key, out var error);
            USearchNative.Check(error, "contains");
            return contains;
        }
        finally { _resize.ExitReadLock(); }
    }

    public bool TryGet(long key, Span<float> vector)
    {
        _resize.EnterReadLock();
        try
        {
            nuint found;
            nint error;
            fixed (float* v = vector) found = Get(_index, (ulong)key, 1, v, ScalarKind.Float32, out error);
            USearchNative.Check(error, "get");
            return found > 0;
        }
        finally { _resize.ExitReadLock(); }
    }

    /// <summary>The approximate top k, best first, with scores as inner products; <paramref name="accept"/> is asked for each visited key.</summary>
    public List<(long Key, float Score)> Search(ReadOnlySpan<float> query, int k, Func<long, bool>? accept = null)
    {
        var keys = new ulong[k];
        var distances = new float[k];
        _searchSlots.Wait();
        _resize.EnterReadLock();
        try
        {
            nuint found;
            nint error;
            fixed (float* q = query)
            fixed (ulong* kp = keys)
            fixed (float* dp = distances)
            {
                if (accept is null)
                    found = USearchNative.Search(_index, q, ScalarKind.Float32, (nuint)k, kp, dp, out error);
                else
                {
                    var handle = GCHandle.Alloc(accept);
                    try { found = FilteredSearch(_index, q, ScalarKind.Float32, (nuint)k, &Admit, GCHandle.ToIntPtr(handle), kp, dp, out error); }
                    finally { handle.Free(); }
                }
            }
            USearchNative.Check(error, "search");
            var results = new List<(long, float)>((int)found);
            // The library reports inner-product distance as 1 - dot.
            for (var i = 0; i < (int)found; i++) results.Add(((long)keys[i], 1f - distances[i]));
            return results;
        }
        finally
        {
            _resize.ExitReadLock();
            _searchSlots.Release();
        }
    }

    [UnmanagedCallersOnly]
    private static int Admit(ulong key, nint state) =>
        ((Func<long, bool>)GCHandle.FromIntPtr(state).Target!)((long)key) ? 1 : 0;

    private void Configure(HnswSettings settings)
    {
        ChangeThreadsSearch(_index, SearchThreads, out var error);
        USearchNative.Check(error, "threads");
        ExpansionSearch = settings.ExpansionSearch;
        // A mapped graph has the capacity of its file and cannot grow.
        if (!IsView) EnsureCapacity(Math.Max(Count, 1024));
    }

    private void EnsureCapacity(long needed)
    {
        if ((long)Call((nint i, out nint e) => Capacity(i, out e), "capacity") >= needed) return;
        _resize.EnterWriteLock();
        try
        {
            var capacity = Capacity(_index, out var error);
            USearchNative.Check(error, "capacity");
            if ((long)capacity >= needed) return;
            // Doubling keeps the cost of growing constant per vector.
            Reserve(_index, (nuint)Math.Max(needed, (long)capacity * 2), out error);
            USearchNative.Check(error, "reserve");
        }
        finally { _resize.ExitWriteLock(); }
    }

    private delegate nuint Query(nint index, out nint error);

    private nuint Call(Query query, string operation) => Call(_index, query, operation);

    private static nuint Call(nint index, Query query, string operation)
    {
        var value = query(index, out var error);
        USearchNative.Check(error, operation);
        return value;
    }

    public void Dispose()
    {
        if (_index == 0) return;
        _resize.EnterWriteLock();
        try
        {
            USearchNative.Free(_index, out _);
            _index = 0;
        }
        finally { _resize.ExitWriteLock(); }
        _resize.Dispose();
        _searchSlots.Dispose();
    }
}

/// <summary>HNSW parameters: graph degree, and the breadth of the candidate list while adding and while searching.</summary>
public sealed record HnswSettings(int Connectivity = 16, int ExpansionAdd = 128, int ExpansionSearch = 64);
