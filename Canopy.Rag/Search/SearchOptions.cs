using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.Search;

public sealed class SearchOptions
{
    public const string Section = "Canopy:Rag:Search";
    public const int MaxTopK = 50;
    public const int MaxQueryLength = 4000;

    [Range(1, MaxTopK)]
    public int DefaultTopK { get; set; } = 5;

    /// <summary>Candidates taken from each retriever before fusion, as a multiple of topK.</summary>
    [Range(1, 20)]
    public int CandidateMultiplier { get; set; } = 4;

    /// <summary><c>hybrid</c> (vector + BM25, fused), <c>vector</c> or <c>keyword</c>.</summary>
    [RegularExpression("^(hybrid|vector|keyword)$")]
    public string Method { get; set; } = "hybrid";

    /// <summary>The k of reciprocal rank fusion; larger flattens the weight of the top ranks.</summary>
    [Range(1, 1000)]
    public int FusionK { get; set; } = 60;
}
