namespace Canopy.Contracts.Search;

/// <summary>Body of canopy-rag's <c>POST /api/search</c>; canopy-rag checks it against <see cref="RequestLimits"/>.</summary>
public sealed record SearchRequest(string? Query, int? TopK = null, string[]? Courses = null, string[]? DocumentIds = null);
