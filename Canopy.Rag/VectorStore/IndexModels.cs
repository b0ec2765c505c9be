namespace Canopy.Rag.VectorStore;

/// <summary>A document as the index knows it; <see cref="ContentHash"/> tells whether it must be re-ingested.</summary>
public sealed record IndexedDocument(
    string Id, string Title, string Source, string? Course, string? Kind, string ContentHash, int ChunkCount, DateTimeOffset IndexedAt);

/// <summary>One chunk of a document with its embedding; the id is derived from its content.</summary>
public sealed record IndexedChunk(
    string Id, string DocumentId, string DocumentTitle, string Source, string? Course,
    int Ordinal, string HeadingPath, string Text, ReadOnlyMemory<float> Vector);

/// <summary>A chunk found by a search, with the score of the method that found it (higher is better).</summary>
public sealed record ScoredChunk(IndexedChunk Chunk, double Score);

/// <summary>
/// A search result, perhaps before its chunk is read: <see cref="Ref"/> names the chunk to the index that found it (two
/// candidates with the same ref are the same chunk); an index that returns whole rows carries the chunk along.
/// </summary>
public sealed record Candidate(string Ref, double Score, IndexedChunk? Chunk = null);

/// <summary>Restricts a search to some courses or documents; empty lists mean no restriction.</summary>
public sealed record SearchFilter(IReadOnlyList<string>? Courses = null, IReadOnlyList<string>? DocumentIds = null)
{
    public bool IsEmpty => (Courses is null || Courses.Count == 0) && (DocumentIds is null || DocumentIds.Count == 0);

    public bool Matches(IndexedChunk chunk) => Admits(chunk.DocumentId, chunk.Course);

    public bool Admits(string documentId, string? course) =>
        (Courses is null || Courses.Count == 0 || (course is not null && Courses.Contains(course, StringComparer.OrdinalIgnoreCase))) &&
        (DocumentIds is null || DocumentIds.Count == 0 || DocumentIds.Contains(documentId, StringComparer.Ordinal));
}
