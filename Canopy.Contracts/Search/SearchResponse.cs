namespace Canopy.Contracts.Search;

/// <summary>What <c>POST /api/search</c> answers: the passages best first, and the method that ranked them.</summary>
public sealed record SearchResponse(string Query, int TopK, string Method, IReadOnlyList<Passage> Results);
