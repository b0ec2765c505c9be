using System.Diagnostics;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>Chunks, embeds and indexes one document, skipping it when its content hash is already indexed.</summary>
public sealed class DocumentIngestor(
    IVectorIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    MarkdownChunker chunker,
    IOptions<IngestionOptions> options,
    ILogger<DocumentIngestor> logger)
{
    public async Task<IngestionOutcome> IngestAsync(SourceDocument document, CancellationToken cancellationToken)
    {
        var existing = await index.GetDocumentAsync(document.Id, cancellationToken);
        if (existing?.ContentHash == document.ContentHash) return IngestionOutcome.Unchanged;

        using var activity = RagTelemetry.Source.StartActivity(RagTelemetry.IngestDocumentSpan);
        activity?.SetTag("canopy.document.id", document.Id);
        activity?.SetTag("canopy.document.source", document.Source);
        var started = Stopwatch.GetTimestamp();
        try
        {
            IReadOnlyList<TextChunk> chunks;
            using (var chunkActivity = RagTelemetry.Source.StartActivity(RagTelemetry.ChunkSpan))
            {
                chunks = chunker.Chunk(document.Title, document.Body);
                chunkActivity?.SetTag("canopy.ingestion.chunks", chunks.Count);
            }

            var vectors = new List<ReadOnlyMemory<float>>(chunks.Count);
            foreach (var batch in chunks.Chunk(options.Value.EmbeddingBatchSize))
            {
                using var embedActivity = RagTelemetry.Source.StartActivity(RagTelemetry.EmbedBatchSpan);
                embedActivity?.SetTag("canopy.ingestion.batch_size", batch.Length);
                var generated = await embeddings.GenerateAsync(batch.Select(c => c.EmbeddingText), cancellationToken: cancellationToken);
                vectors.AddRange(generated.Select(e => e.Vector));
            }

            var indexed = chunks.Select((c, i) => new IndexedChunk(
                ChunkIds.For(document.Id, c), document.Id, document.Title, document.Source, document.Course,
                c.Ordinal, c.HeadingPath, c.Text, vectors[i])).ToList();
            var record = new IndexedDocument(document.Id, document.Title, document.Source, document.Course, document.Kind,
                document.ContentHash, indexed.Count, DateTimeOffset.UtcNow);

            using (var upsert = RagTelemetry.Source.StartActivity(RagTelemetry.IndexUpsertSpan))
            {
                upsert?.SetTag("db.system.name", index.SystemName);
                upsert?.SetTag("db.collection.name", index.CollectionName);
                upsert?.SetTag("db.operation.name", "upsert");
                await index.ReplaceDocumentAsync(record, indexed, cancellationToken);
            }

            activity?.SetTag("canopy.document.chunks", indexed.Count);
            RagTelemetry.ChunksIngested.Add(indexed.Count);
            RagTelemetry.DocumentsIngested.Add(1, new KeyValuePair<string, object?>("outcome", "ingested"));
            logger.LogInformation("Ingested {DocumentId} ({Chunks} chunks) from {Source}", document.Id, indexed.Count, document.Source);
            return IngestionOutcome.Ingested;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().FullName);
            RagTelemetry.DocumentsIngested.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            logger.LogError(ex, "Ingestion of {DocumentId} from {Source} failed", document.Id, document.Source);
            return IngestionOutcome.Failed;
        }
        finally
        {
            RagTelemetry.IngestionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
