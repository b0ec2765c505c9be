using System.Diagnostics;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Search;

/// <summary>Embeds the query, gathers vector and keyword candidates, and fuses them (spans as in DESIGN.md).</summary>
public sealed class SearchService(
    IVectorIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<SearchOptions> options)
{
    public async Task<SearchResponse> SearchAsync(string query, int topK, SearchFilter filter, string? method, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        method ??= options.Value.Method;
        var candidates = topK * options.Value.CandidateMultiplier;

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
            keyword = await index.SearchKeywordsAsync(query, candidates, filter, cancellationToken);
            search?.SetTag("canopy.rag.candidates.found", keyword.Count);
        }

        List<SearchHit> hits;
        using (var rerank = RagTelemetry.Source.StartActivity(RagTelemetry.RerankSpan))
        {
            var fused = method == "hybrid"
                ? ReciprocalRankFusion.Fuse(options.Value.FusionK, vector, keyword)
                : [.. (method == "vector" ? vector : keyword).Select(s => (s.Chunk, s.Score))];
            var cosine = vector.ToDictionary(v => v.Chunk.Id, v => v.Score);
            hits = [.. fused.Take(topK).Select((f, i) => new SearchHit(
                i + 1, f.Chunk.Id, f.Chunk.DocumentId, f.Chunk.DocumentTitle, f.Chunk.Source, f.Chunk.Course, f.Chunk.HeadingPath,
                f.Chunk.Text, Math.Round(f.Score, 6), cosine.TryGetValue(f.Chunk.Id, out var c) ? Math.Round(c, 6) : null))];
            rerank?.SetTag("canopy.rerank.method", method == "hybrid" ? "rrf" : "none");
            rerank?.SetTag("canopy.rerank.candidates", vector.Count + keyword.Count);
            rerank?.SetTag("canopy.rerank.results", hits.Count);
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
