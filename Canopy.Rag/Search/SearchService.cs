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

        IReadOnlyList<Candidate> vector = [];
        if (method is "hybrid" or "vector")
        {
            ReadOnlyMemory<float> queryVector;
            using (RagTelemetry.Source.StartActivity(RagTelemetry.EmbedQuerySpan))
                queryVector = await embeddings.GenerateVectorAsync(query, cancellationToken: cancellationToken);

            using var search = StartDbActivity(index.VectorSearchSpanName, "search");
            search?.SetTag("canopy.rag.candidates.requested", candidates);
            vector = await index.FindByVectorAsync(queryVector, candidates, filter, cancellationToken);
            search?.SetTag("canopy.rag.candidates.found", vector.Count);
        }

        IReadOnlyList<Candidate> keyword = [];
        if (method is "hybrid" or "keyword")
        {
            using var search = StartDbActivity(RagTelemetry.KeywordSearchSpan, "full_text_search");
            try
            {
                keyword = await index.FindByKeywordsAsync(query, candidates, filter, cancellationToken);
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
            var fused = method == "hybrid" ? HybridFusion.Fuse(settings, vector, keyword) : method == "vector" ? vector : keyword;
            var rankMethod = method == "hybrid" ? settings.Fusion : "none";
            var reranking = reranker is { IsConfigured: true } && fused.Count > 1;
            // Only the chunks that can still make the answer are read: the top k, or as many as the cross-encoder sees.
            var read = await ReadAsync(fused, reranking ? Math.Max(topK, reranker!.TopN) : topK, cancellationToken);
            IReadOnlyList<(IndexedChunk Chunk, double Score)> ranked = [.. read.Select(c => (c.Chunk!, c.Score))];
            if (reranking && read.Count > 1)
            {
                var reranked = await reranker!.TryRerankAsync(query, ranked, cancellationToken);
                if (reranked is not null) (ranked, rankMethod) = (reranked, "cross-encoder");
                else rerank?.SetTag("canopy.rerank.fallback", true);
            }
            var vectorScores = vector.ToDictionary(v => v.Ref, v => v.Score, StringComparer.Ordinal);
            var cosine = read.Where(c => vectorScores.ContainsKey(c.Ref)).ToDictionary(c => c.Chunk!.Id, c => vectorScores[c.Ref], StringComparer.Ordinal);
            hits = [.. ranked.Take(topK).Select((f, i) => new Passage(
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

    // Reads the first `wanted` candidates; when some were deleted since the search, the next ones take their place.
    private async Task<List<Candidate>> ReadAsync(IReadOnlyList<Candidate> fused, int wanted, CancellationToken cancellationToken)
    {
        var read = new List<Candidate>(Math.Min(wanted, fused.Count));
        for (var next = 0; read.Count < wanted && next < fused.Count;)
        {
            var batch = fused.Skip(next).Take(wanted - read.Count).ToList();
            next += batch.Count;
            read.AddRange(await index.ReadAsync(batch, cancellationToken));
        }
        return read;
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
