namespace Canopy.Rag.VectorStore;

/// <summary>Searches that return whole chunks: find, then read every candidate.</summary>
public static class VectorIndexSearch
{
    public static async Task<IReadOnlyList<ScoredChunk>> SearchVectorAsync(
        this IVectorIndex index, ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken) =>
        Scored(await index.ReadAsync(await index.FindByVectorAsync(query, topK, filter, cancellationToken), cancellationToken));

    public static async Task<IReadOnlyList<ScoredChunk>> SearchKeywordsAsync(
        this IVectorIndex index, string query, int topK, SearchFilter filter, CancellationToken cancellationToken) =>
        Scored(await index.ReadAsync(await index.FindByKeywordsAsync(query, topK, filter, cancellationToken), cancellationToken));

    private static List<ScoredChunk> Scored(IReadOnlyList<Candidate> read) => [.. read.Select(c => new ScoredChunk(c.Chunk!, c.Score))];
}
