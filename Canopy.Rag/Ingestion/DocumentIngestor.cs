using System.Diagnostics;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// Writes a document's chunks to the index when the caller still wants them: the caller holds whatever makes the check and the
/// write one step (a delete in between must win), and returns false to drop the write.
/// </summary>
public delegate Task<bool> IndexWriteGate(Func<Task> write);

/// <summary>Chunks, embeds and indexes one document, skipping it when its content hash is already indexed.</summary>
public sealed class DocumentIngestor(
    IVectorIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    MarkdownChunker chunker,
    IOptions<IngestionOptions> options,
    ILogger<DocumentIngestor> logger)
{
    public async Task<IngestionOutcome> IngestAsync(SourceDocument document, CancellationToken cancellationToken) =>
        (await IngestAsync(document, null, cancellationToken)).Outcome;

    /// <summary>Ingests the document, reporting progress as the percentage of embedded batches; a failure carries its reason.</summary>
    public async Task<IngestionResult> IngestAsync(
        SourceDocument document, Action<int>? progress, CancellationToken cancellationToken, IndexWriteGate? gate = null)
    {
        var existing = await index.GetDocumentAsync(document.Id, cancellationToken);
        if (existing?.ContentHash == document.ContentHash) return new IngestionResult(IngestionOutcome.Unchanged, existing.ChunkCount);

        using var activity = RagTelemetry.Source.StartActivity(RagTelemetry.IngestDocumentSpan);
        activity?.SetTag("canopy.document.id", document.Id);
        activity?.SetTag("canopy.document.source", document.Source);
        var started = Stopwatch.GetTimestamp();
        try
        {
            IReadOnlyList<TextChunk> chunks;
            using (var chunkActivity = RagTelemetry.Source.StartActivity(RagTelemetry.ChunkSpan))
            {
                chunks = chunker.Chunk(document.Title, document.Body, cancellationToken);
                chunkActivity?.SetTag("canopy.ingestion.chunks", chunks.Count);
            }
            if (chunks.Count == 0) throw new InvalidDataException("No text could be extracted from the document (a scanned PDF needs OCR first).");

            var vectors = new List<ReadOnlyMemory<float>>(chunks.Count);
            var batches = chunks.Chunk(options.Value.EmbeddingBatchSize).ToList();
            progress?.Invoke(0);
            foreach (var (batch, number) in batches.Select((b, i) => (b, i + 1)))
            {
                using var embedActivity = RagTelemetry.Source.StartActivity(RagTelemetry.EmbedBatchSpan);
                embedActivity?.SetTag("canopy.ingestion.batch_size", batch.Length);
                var generated = await embeddings.GenerateAsync(batch.Select(c => c.EmbeddingText), cancellationToken: cancellationToken);
                vectors.AddRange(generated.Select(e => e.Vector));
                progress?.Invoke(number * 100 / batches.Count);
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
                Task Write() => index.ReplaceDocumentAsync(record, indexed, cancellationToken);
                if (gate is null) await Write();
                else if (!await gate(Write))
                {
                    upsert?.SetTag("canopy.ingestion.dropped", true);
                    logger.LogInformation("Dropped the chunks of {DocumentId}: it was deleted, cancelled or replaced while they were made", document.Id);
                    return new IngestionResult(IngestionOutcome.Dropped, 0);
                }
            }

            activity?.SetTag("canopy.document.chunks", indexed.Count);
            RagTelemetry.ChunksIngested.Add(indexed.Count);
            RagTelemetry.DocumentsIngested.Add(1, new KeyValuePair<string, object?>("outcome", "ingested"));
            logger.LogInformation("Ingested {DocumentId} ({Chunks} chunks) from {Source}", document.Id, indexed.Count, document.Source);
            return new IngestionResult(IngestionOutcome.Ingested, indexed.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().FullName);
            RagTelemetry.DocumentsIngested.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            logger.LogError(ex, "Ingestion of {DocumentId} from {Source} failed", document.Id, document.Source);
            // Bad content fails for good; anything else (the index, the embedding service) may pass on a later try.
            return new IngestionResult(IngestionOutcome.Failed, 0, ex.Message, Transient: ex is not (InvalidDataException or Limits.DocumentLimitException));
        }
        finally
        {
            RagTelemetry.IngestionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}

/// <summary>What ingesting one document did: its outcome, its chunk count, and the reason of a failure (and whether a retry may help).</summary>
public sealed record IngestionResult(IngestionOutcome Outcome, int Chunks = 0, string? Error = null, bool Transient = false);
