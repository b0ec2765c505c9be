namespace Canopy.Retrieval.Tool.Evaluation;

/// <summary>Recall@k and mean reciprocal rank from the 1-based rank of each question's passage (null: not in the top 10).</summary>
public sealed record EvalMetrics(int Questions, double RecallAt1, double RecallAt5, double RecallAt10, double Mrr)
{
    public const int Depth = 10;

    public static EvalMetrics From(IReadOnlyList<int?> ranks)
    {
        double Recall(int k) => ranks.Count == 0 ? 0 : (double)ranks.Count(r => r <= k) / ranks.Count;
        var mrr = ranks.Count == 0 ? 0 : ranks.Sum(r => r is { } rank and <= Depth ? 1.0 / rank : 0) / ranks.Count;
        return new EvalMetrics(ranks.Count, Recall(1), Recall(5), Recall(Depth), mrr);
    }
}

/// <summary>One retrieval method's scores on a dataset and what its searches cost.</summary>
public sealed record MethodResult(string Method, EvalMetrics Metrics, double MillisecondsPerQuery, IReadOnlyList<int?> Ranks);

/// <summary>Everything one evaluation run measured.</summary>
public sealed record EvalReport(
    string Dataset, int Passages, int Chunks, int Questions, string EmbeddingModel,
    Cost Indexing, Cost QueryEmbedding, IReadOnlyList<MethodResult> Methods);

/// <summary>Wall-clock and process CPU seconds of one phase.</summary>
public sealed record Cost(double WallSeconds, double CpuSeconds);
