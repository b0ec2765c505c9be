using System.Globalization;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;
using Canopy.Retrieval.Tool.Data;
using Microsoft.Extensions.AI;

namespace Canopy.Retrieval.Tool.Evaluation;

/// <summary>
/// Scores many fusion settings at once: each question's vector and BM25 candidates are fetched once,
/// then fused in memory per setting (fusion is a pure function of the two lists), so a grid costs seconds.
/// </summary>
public static class FusionSweep
{
    public static IReadOnlyList<SearchOptions> DefaultGrid(SearchOptions baseline)
    {
        var grid = new List<SearchOptions>();
        foreach (var candidates in new[] { 20, 50 })
        {
            foreach (var k in new[] { 10, 60 })
            foreach (var vectorWeight in new[] { 1.0, 1.5, 2.0 })
                grid.Add(With(baseline, "rrf", candidates, vectorWeight, 1.0, k));
            foreach (var (vectorWeight, keywordWeight) in new[] { (0.3, 0.7), (0.4, 0.6), (0.5, 0.5), (0.6, 0.4), (0.7, 0.3) })
                grid.Add(With(baseline, "linear", candidates, vectorWeight, keywordWeight, baseline.FusionK));
        }
        return grid;
    }

    private static SearchOptions With(SearchOptions b, string fusion, int candidates, double vectorWeight, double keywordWeight, int k) => new()
    {
        DefaultTopK = b.DefaultTopK, Method = b.Method, Fusion = fusion, Candidates = candidates,
        VectorWeight = vectorWeight, KeywordWeight = keywordWeight, FusionK = k,
    };

    public static string Describe(SearchOptions o) => o.Fusion == "rrf"
        ? string.Create(CultureInfo.InvariantCulture, $"rrf k={o.FusionK} wv={o.VectorWeight} wk={o.KeywordWeight} c={o.Candidates}")
        : string.Create(CultureInfo.InvariantCulture, $"linear wv={o.VectorWeight} wk={o.KeywordWeight} c={o.Candidates}");

    public static async Task<IReadOnlyList<MethodResult>> RunAsync(
        EvalDataset dataset, IVectorIndex index, IEmbeddingGenerator<string, Embedding<float>> embeddings,
        IReadOnlyList<SearchOptions> grid, CancellationToken cancellationToken)
    {
        var depth = grid.Max(o => o.Candidates);
        var lists = new List<(IReadOnlyList<ScoredChunk> Vector, IReadOnlyList<ScoredChunk> Keyword)>(dataset.Questions.Count);
        foreach (var question in dataset.Questions)
        {
            var vector = await embeddings.GenerateVectorAsync(question.Text, cancellationToken: cancellationToken);
            lists.Add((await index.SearchVectorAsync(vector, depth, new SearchFilter(), cancellationToken),
                       await index.SearchKeywordsAsync(question.Text, depth, new SearchFilter(), cancellationToken)));
        }
        return [.. grid.Select(options =>
        {
            var ranks = dataset.Questions.Select((q, i) =>
            {
                var fused = HybridFusion.Fuse(options, [.. lists[i].Vector.Take(options.Candidates)], [.. lists[i].Keyword.Take(options.Candidates)]);
                var position = fused.Take(EvalMetrics.Depth).Select(f => f.Chunk.DocumentId).ToList().IndexOf(q.PassageId);
                return position < 0 ? (int?)null : position + 1;
            }).ToList();
            return new MethodResult(Describe(options), EvalMetrics.From(ranks), 0, ranks);
        })];
    }
}
