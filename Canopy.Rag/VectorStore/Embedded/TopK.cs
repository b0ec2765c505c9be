namespace Canopy.Rag.VectorStore.Embedded;

/// <summary>
/// The k best (key, score) pairs seen so far, as a min-heap on score: a candidate costs one comparison unless it beats the
/// worst kept, so a scan over a million vectors does a million comparisons and only a few heap operations.
/// </summary>
internal sealed class TopK(int k)
{
    private readonly long[] _keys = new long[Math.Max(k, 1)];
    private readonly float[] _scores = new float[Math.Max(k, 1)];

    public int Count { get; private set; }

    /// <summary>The score a candidate must beat to be kept once k are held.</summary>
    public float Threshold => Count < _keys.Length ? float.NegativeInfinity : _scores[0];

    public void Offer(long key, float score)
    {
        if (Count < _keys.Length)
        {
            var i = Count++;
            _keys[i] = key;
            _scores[i] = score;
            SiftUp(i);
        }
        else if (score > _scores[0])
        {
            _keys[0] = key;
            _scores[0] = score;
            SiftDown(0);
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public List<(long Key, float Score)> ToList()
    {
        var list = new List<(long, float)>(Count);
        for (var i = 0; i < Count; i++) list.Add((_keys[i], _scores[i]));
        list.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return list;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_scores[parent] <= _scores[i]) return;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var smallest = i;
            var left = 2 * i + 1;
            var right = left + 1;
            if (left < Count && _scores[left] < _scores[smallest]) smallest = left;
            if (right < Count && _scores[right] < _scores[smallest]) smallest = right;
            if (smallest == i) return;
            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_keys[a], _keys[b]) = (_keys[b], _keys[a]);
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
    }
}
