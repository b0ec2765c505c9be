namespace Canopy.Rag.VectorStore.Embedded;

/// <summary>
/// What a filter needs to know about each chunk, and nothing else: its key's document, each document's course and keys.
/// Text and metadata stay in SQLite and are read for the top results only.
/// </summary>
internal sealed class ChunkDirectory
{
    private readonly Dictionary<long, int> _documentOfKey = [];
    private readonly Dictionary<string, int> _documentIndex = new(StringComparer.Ordinal);
    private readonly List<DocumentEntry> _documents = [];

    public int Count => _documentOfKey.Count;

    public bool Contains(long key) => _documentOfKey.ContainsKey(key);

    public IEnumerable<long> Keys => _documentOfKey.Keys;

    public void Clear()
    {
        _documentOfKey.Clear();
        _documentIndex.Clear();
        _documents.Clear();
    }

    public void Add(long key, string documentId, string? course) => Add(key, AddDocument(documentId, course));

    /// <summary>Makes the document known (with its course as now) and returns its number for <see cref="Add(long, int)"/>.</summary>
    public int AddDocument(string documentId, string? course)
    {
        if (!_documentIndex.TryGetValue(documentId, out var index))
        {
            index = _documents.Count;
            _documentIndex[documentId] = index;
            _documents.Add(new DocumentEntry(documentId));
        }
        _documents[index].Course = course;
        return index;
    }

    public void Add(long key, int document)
    {
        if (_documentOfKey.TryAdd(key, document)) _documents[document].Keys.Add(key);
    }

    public void EnsureCapacity(int chunks) => _documentOfKey.EnsureCapacity(chunks);

    public void Remove(long key)
    {
        if (_documentOfKey.Remove(key, out var index)) _documents[index].Keys.Remove(key);
    }

    /// <summary>The documents a filter admits, with how many chunks they hold; null for an empty filter.</summary>
    public FilterScope? Scope(SearchFilter filter)
    {
        if (filter.IsEmpty) return null;
        var admitted = new bool[_documents.Count];
        var chunks = 0;
        // Named documents are looked up; only a course-only filter walks the document list.
        var candidates = filter.DocumentIds is { Count: > 0 } ids
            ? ids.Select(id => _documentIndex.GetValueOrDefault(id, -1)).Where(i => i >= 0).Distinct()
            : Enumerable.Range(0, _documents.Count);
        foreach (var i in candidates)
        {
            var document = _documents[i];
            if (document.Keys.Count == 0 || !filter.Admits(document.Id, document.Course)) continue;
            admitted[i] = true;
            chunks += document.Keys.Count;
        }
        return new FilterScope(this, admitted, chunks);
    }

    private bool Admits(long key, bool[] admitted) => _documentOfKey.TryGetValue(key, out var index) && index < admitted.Length && admitted[index];

    private IEnumerable<long> KeysOf(bool[] admitted)
    {
        for (var i = 0; i < admitted.Length; i++)
            if (admitted[i])
                foreach (var key in _documents[i].Keys) yield return key;
    }

    private sealed class DocumentEntry(string id)
    {
        public string Id { get; } = id;
        public string? Course { get; set; }
        public HashSet<long> Keys { get; } = [];
    }

    /// <summary>The chunks a filter admits: a predicate for a graph search and the keys themselves for an exact scan.</summary>
    public sealed class FilterScope(ChunkDirectory directory, bool[] admitted, int chunks)
    {
        public int Chunks => chunks;

        public bool Admits(long key) => directory.Admits(key, admitted);

        public IEnumerable<long> Keys => directory.KeysOf(admitted);
    }
}
