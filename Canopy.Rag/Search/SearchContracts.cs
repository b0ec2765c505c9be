namespace Canopy.Rag.Search;

/// <summary>Body of <c>POST /api/search</c>.</summary>
public sealed record SearchRequest(string? Query, int? TopK = null, string[]? Courses = null, string[]? DocumentIds = null);

/// <summary>One ranked chunk: where it comes from, its text and its fused score (the cosine similarity alongside).</summary>
public sealed record SearchHit(
    int Rank, string ChunkId, string DocumentId, string Title, string Source, string? Course, string HeadingPath, string Text,
    double Score, double? VectorScore);

public sealed record SearchResponse(string Query, int TopK, string Method, IReadOnlyList<SearchHit> Results);
