using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// Does one queued job: ingests the file behind it, or removes the document when the file is gone.
/// Jobs and deletions run one at a time, so a deletion never races an ingestion of the same document.
/// </summary>
public sealed class DocumentProcessor(
    IVectorIndex index, DocumentIngestor ingestor, IngestionQueue queue, IngestionProgress progress,
    DocumentFolders folders, ILogger<DocumentProcessor> logger) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<IngestionOutcome> ProcessAsync(QueuedDocument job, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var folder = folders.FolderOf(job.Source);
            var file = folder?.FileOf(job.Source);
            if (folder is null || file is null || !File.Exists(file))
            {
                var removed = await index.DeleteDocumentAsync(job.DocumentId, cancellationToken);
                await queue.CompleteAsync(job.DocumentId, cancellationToken);
                if (removed) logger.LogInformation("Removed {DocumentId}: its file {Source} is gone", job.DocumentId, job.Source);
                return IngestionOutcome.Removed;
            }

            progress.Start(job.DocumentId);
            byte[] content;
            SourceDocument document;
            try
            {
                content = await File.ReadAllBytesAsync(file, cancellationToken);
                var hash = DocumentFiles.HashOf(content);
                if ((await index.GetDocumentAsync(job.DocumentId, cancellationToken))?.ContentHash == hash)
                {
                    await queue.CompleteAsync(job.DocumentId, cancellationToken);
                    return IngestionOutcome.Unchanged;
                }
                document = DocumentFiles.Read(folder, file, content);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RagTelemetry.DocumentsIngested.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                logger.LogWarning(ex, "Could not read {Source}", job.Source);
                return await FailAsync(job.DocumentId, $"The file could not be read: {ex.Message}", TryHash(file), cancellationToken);
            }

            var result = await ingestor.IngestAsync(document, p => progress.Report(job.DocumentId, p), cancellationToken);
            if (result.Outcome == IngestionOutcome.Failed)
                return await FailAsync(job.DocumentId, result.Error ?? "Ingestion failed.", document.ContentHash, cancellationToken);
            await queue.CompleteAsync(job.DocumentId, cancellationToken);
            return result.Outcome;
        }
        finally
        {
            progress.Finish();
            _lock.Release();
        }
    }

    /// <summary>Deletes a document of the documents folder: its file, its index entries and its queue row.</summary>
    public async Task DeleteAsync(string documentId, string source, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (folders.Documents.FileOf(source) is { } file && File.Exists(file)) File.Delete(file);
            await index.DeleteDocumentAsync(documentId, cancellationToken);
            await queue.CompleteAsync(documentId, cancellationToken);
            logger.LogInformation("Deleted {DocumentId} ({Source}) on request", documentId, source);
        }
        finally
        {
            _lock.Release();
        }
    }

    // A new version that cannot be ingested must not leave the old one answering questions.
    private async Task<IngestionOutcome> FailAsync(string documentId, string error, string? hash, CancellationToken cancellationToken)
    {
        await index.DeleteDocumentAsync(documentId, cancellationToken);
        await queue.FailAsync(documentId, error, hash, cancellationToken);
        return IngestionOutcome.Failed;
    }

    private static string? TryHash(string file)
    {
        try { return DocumentFiles.HashOf(File.ReadAllBytes(file)); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public void Dispose() => _lock.Dispose();
}
