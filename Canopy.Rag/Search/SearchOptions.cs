using System.ComponentModel.DataAnnotations;
using Canopy.Contracts;

namespace Canopy.Rag.Search;

public sealed class SearchOptions
{
    public const string Section = "Canopy:Rag:Search";
    [Range(RequestLimits.MinTopK, RequestLimits.MaxTopK)]
    public int DefaultTopK { get; set; } = 5;

    /// <summary>Candidates taken from each retriever before fusion; fixed, so a top 5 is always the head of a top 10.</summary>
    [Range(1, 1000)]
    public int Candidates { get; set; } = 50;

    /// <summary><c>hybrid</c> (vector + BM25, fused), <c>vector</c> or <c>keyword</c>.</summary>
    [RegularExpression("^(hybrid|vector|keyword)$")]
    public string Method { get; set; } = "hybrid";

    /// <summary>How hybrid fuses: <c>linear</c> (weighted sum of normalised scores) or <c>rrf</c> (weighted reciprocal rank fusion).</summary>
    [RegularExpression("^(linear|rrf)$")]
    public string Fusion { get; set; } = "linear";

    /// <summary>The k of reciprocal rank fusion; larger flattens the weight of the top ranks.</summary>
    [Range(1, 1000)]
    public int FusionK { get; set; } = 60;

    /// <summary>Weight of the vector retriever in fusion.</summary>
    [Range(0.0, 100.0)]
    public double VectorWeight { get; set; } = 1.0;

    /// <summary>Weight of the BM25 retriever in fusion.</summary>
    [Range(0.0, 100.0)]
    public double KeywordWeight { get; set; } = 1.0;
}
