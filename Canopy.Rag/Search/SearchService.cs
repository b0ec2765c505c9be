using System.Diagnostics;
using Canopy.Rag.Search.Rerank;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Search;

/// <summary>
/// Embeds the query, gathers vector and keyword candidates, fuses them and optionally reranks (spans as in DESIGN.md).
/// Without a <paramref name="reranker"/> the fused order is final.
/// </summary>
public sealed class SearchService(
    IVectorIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<SearchOptions> options,
    ResultReranker? reranker)
{
    public async Task<SearchResponse> SearchAsync(string query, int topK, SearchFilter filter, string? method, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        method ??= settings.Method;
        var candidates = Math.Max(topK, settings.Candidates);

        IReadOnlyList<ScoredChunk> vector = [];
        if (method is "hybrid" or "vector")
        {
            ReadOnlyMemory<float> queryVector;
            using (RagTelemetry.Source.StartActivity(RagTelemetry.EmbedQuerySpan))
                queryVector = await embeddings.GenerateVectorAsync(query, cancellationToken: cancellationToken);

            using var search = StartDbActivity(index.VectorSearchSpanName, "search");
            search?.SetTag("canopy.rag.candidates.requested", candidates);
            vector = await index.SearchVectorAsync(queryVector, candidates, filter, cancellationToken);
            search?.SetTag("canopy.rag.candidates.found", vector.Count);
        }

        IReadOnlyList<ScoredChunk> keyword = [];
        if (method is "hybrid" or "keyword")
        {
            using var search = StartDbActivity(RagTelemetry.KeywordSearchSpan, "full_text_search");
            try
            {
                keyword = await index.SearchKeywordsAsync(query, candidates, filter, cancellationToken);
                search?.SetTag("canopy.rag.candidates.found", keyword.Count);
            }
            catch (KeywordSearchUnavailableException ex)
            {
                search?.AddException(ex);
                search?.SetStatus(ActivityStatusCode.Error, ex.Message);
                search?.SetTag("error.type", nameof(KeywordSearchUnavailableException));
                RagTelemetry.KeywordSearchUnavailable.Add(1, new KeyValuePair<string, object?>("db.system.name", index.SystemName));
                // The answer names the method that really ranked it: a hybrid search without its keyword half is a vector search.
                if (method == "hybrid") method = "vector";
            }
        }

        List<Passage> hits;
        using (var rerank = RagTelemetry.Source.StartActivity(RagTelemetry.RerankSpan))
        {
            var fused = method == "hybrid"
                ? HybridFusion.Fuse(settings, vector, keyword)
                : [.. (method == "vector" ? vector : keyword).Select(s => (s.Chunk, s.Score))];
            var rankMethod = method == "hybrid" ? settings.Fusion : "none";
            if (reranker is { IsConfigured: true } && fused.Count > 1)
            {
                var reranked = await reranker.TryRerankAsync(query, fused, cancellationToken);
                if (reranked is not null) (fused, rankMethod) = (reranked, "cross-encoder");
                else rerank?.SetTag("canopy.rerank.fallback", true);
            }
            var cosine = vector.ToDictionary(v => v.Chunk.Id, v => v.Score);
            hits = [.. fused.Take(topK).Select((f, i) => new Passage(
                i + 1, f.Chunk.Id, f.Chunk.DocumentId, f.Chunk.DocumentTitle, f.Chunk.Source, f.Chunk.Course, f.Chunk.HeadingPath,
                f.Chunk.Text, Math.Round(f.Score, 6), cosine.TryGetValue(f.Chunk.Id, out var c) ? Math.Round(c, 6) : null))];
            rerank?.SetTag("canopy.rerank.method", rankMethod);
            rerank?.SetTag("canopy.rerank.candidates", vector.Count + keyword.Count);
            rerank?.SetTag("canopy.rerank.results", hits.Count);
            if (rankMethod == "cross-encoder") rerank?.SetTag("canopy.rerank.model", reranker!.Model);
        }

        RagTelemetry.RetrievalDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        RagTelemetry.DocumentsRetrieved.Record(hits.Count);
        return new SearchResponse(query, topK, method, hits);
    }

    private Activity? StartDbActivity(string name, string operation)
    {
        var activity = RagTelemetry.Source.StartActivity(name, ActivityKind.Client);
        activity?.SetTag("db.system.name", index.SystemName);
        activity?.SetTag("db.collection.name", index.CollectionName);
        activity?.SetTag("db.operation.name", operation);
        return activity;
    }
}
