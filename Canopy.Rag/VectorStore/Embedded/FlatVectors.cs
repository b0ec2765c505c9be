using System.Numerics.Tensors;

namespace Canopy.Rag.VectorStore.Embedded;

/// <summary>
/// Vectors in one contiguous array for an exact dot-product scan (embeddings are normalised, so dot = cosine). A removed
/// vector's slot is filled by the last one, so the array stays dense. Not thread-safe for writers; readers must not run
/// beside a writer (the caller swaps whole instances or holds a lock).
/// </summary>
internal sealed class FlatVectors(int dimensions, int capacity = 1024)
{
    private float[] _data = new float[Math.Max(capacity, 1) * dimensions];
    private long[] _keys = new long[Math.Max(capacity, 1)];
    private readonly Dictionary<long, int> _slots = new(capacity);

    public int Dimensions => dimensions;

    public int Count { get; private set; }

    public IEnumerable<long> Keys => _keys.Take(Count);

    public void Add(long key, ReadOnlySpan<float> vector)
    {
        if (vector.Length != dimensions) throw new ArgumentException($"The vector has {vector.Length} dimensions; the index holds {dimensions}.", nameof(vector));
        if (!_slots.TryGetValue(key, out var slot))
        {
            if (Count == _keys.Length) Grow();
            slot = Count++;
            _slots[key] = slot;
            _keys[slot] = key;
        }
        vector.CopyTo(_data.AsSpan(slot * dimensions, dimensions));
    }

    public bool Remove(long key)
    {
        if (!_slots.Remove(key, out var slot)) return false;
        var last = --Count;
        if (slot != last)
        {
            _data.AsSpan(last * dimensions, dimensions).CopyTo(_data.AsSpan(slot * dimensions, dimensions));
            _keys[slot] = _keys[last];
            _slots[_keys[slot]] = slot;
        }
        return true;
    }

    /// <summary>Copies of up to <paramref name="max"/> vectors with their keys (for moving them elsewhere).</summary>
    public List<(long Key, float[] Vector)> Copy(int max)
    {
        var copies = new List<(long, float[])>(Math.Min(max, Count));
        for (var slot = 0; slot < Math.Min(max, Count); slot++) copies.Add((_keys[slot], _data.AsSpan(slot * dimensions, dimensions).ToArray()));
        return copies;
    }

    public ReadOnlySpan<float> Get(long key) =>
        _slots.TryGetValue(key, out var slot) ? _data.AsSpan(slot * dimensions, dimensions) : [];

    /// <summary>The exact top k over every vector, or over those whose key <paramref name="accept"/> admits.</summary>
    public List<(long Key, float Score)> Search(ReadOnlySpan<float> query, int k, Func<long, bool>? accept = null)
    {
        var top = new TopK(k);
        var data = _data.AsSpan(0, Count * dimensions);
        for (var slot = 0; slot < Count; slot++)
        {
            if (accept is not null && !accept(_keys[slot])) continue;
            top.Offer(_keys[slot], TensorPrimitives.Dot(query, data.Slice(slot * dimensions, dimensions)));
        }
        return top.ToList();
    }

    /// <summary>The exact top k over the given keys only (a filter that admits few chunks).</summary>
    public List<(long Key, float Score)> Search(ReadOnlySpan<float> query, int k, IEnumerable<long> keys)
    {
        var top = new TopK(k);
        foreach (var key in keys)
            if (_slots.TryGetValue(key, out var slot))
                top.Offer(key, TensorPrimitives.Dot(query, _data.AsSpan(slot * dimensions, dimensions)));
        return top.ToList();
    }

    private void Grow()
    {
        var capacity = _keys.Length * 2;
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _data, capacity * dimensions);
    }
}
