using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Search.Rerank;

/// <summary>Reorders the head of the fused list with the cross-encoder; on any failure of the service, keeps the fused order.</summary>
public sealed class ResultReranker(RerankClient client, ILogger<ResultReranker> logger)
{
    public bool IsConfigured => client.Options.IsConfigured;

    public string? Model => client.Options.Model;

    /// <summary>How many of the fused candidates the cross-encoder sees.</summary>
    public int TopN => client.Options.TopN;

    /// <summary>The reranked head followed by the rest in fused order, or null when the reranker failed.</summary>
    public async Task<IReadOnlyList<(IndexedChunk Chunk, double Score)>?> TryRerankAsync(
        string query, IReadOnlyList<(IndexedChunk Chunk, double Score)> fused, CancellationToken cancellationToken)
    {
        var head = fused.Take(client.Options.TopN).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(client.Options.Timeout);
        try
        {
            // The heading path gives the cross-encoder the context the embedding also saw.
            var scores = await client.RerankAsync(query, [.. head.Select(h => $"{h.Chunk.HeadingPath}\n{h.Chunk.Text}")], timeout.Token);
            var ranked = scores.Select(s => (head[s.Index].Chunk, s.RelevanceScore)).ToList();
            var seen = ranked.Select(r => r.Chunk.Id).ToHashSet(StringComparer.Ordinal);
            // A service that returned fewer than sent leaves the rest in fused order, below every reranked one.
            var floor = ranked.Count > 0 ? ranked.Min(r => r.RelevanceScore) : 0;
            ranked.AddRange(fused.Where(f => !seen.Contains(f.Chunk.Id)).Select(f => (f.Chunk, floor)));
            return ranked;
        }
        catch (Exception ex) when (ex is RerankException or HttpRequestException or System.Text.Json.JsonException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = ex is OperationCanceledException ? $"no answer within {client.Options.Timeout.TotalMilliseconds:0} ms" : ex.Message;
            logger.LogWarning("Reranking failed ({Reason}); returning the fused order", reason);
            return null;
        }
    }
}
