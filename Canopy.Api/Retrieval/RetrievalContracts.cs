namespace Canopy.Api.Retrieval;

/// <summary>What canopy-be sends to canopy-rag's <c>POST /api/search</c>.</summary>
public sealed record RagSearchRequest(string Query, int TopK, string[]? Courses = null, string[]? DocumentIds = null);

/// <summary>A passage returned by canopy-rag (same shape as its SearchHit).</summary>
public sealed record RetrievedPassage(
    int Rank, string ChunkId, string DocumentId, string Title, string Source, string? Course, string HeadingPath, string Text,
    double Score, double? VectorScore);

public sealed record RagSearchResponse(string Query, int TopK, string Method, IReadOnlyList<RetrievedPassage> Results);
