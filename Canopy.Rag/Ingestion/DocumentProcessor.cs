using Canopy.Rag.Ingestion.Limits;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// Does one queued job within its <see cref="DocumentBudget"/>: ingests the file behind it, or removes the document when the
/// file is gone. Deleting, cancelling and replacing work at any time: they stop the job in flight and take the commit lock,
/// which is held only while an index write runs, so they wait for at most one write, never for an ingestion. A job writes
/// only while it is still its document's current queue generation, checked under that lock, so a delete is never undone.
/// </summary>
public sealed class DocumentProcessor(
    IVectorIndex index, DocumentIngestor ingestor, IngestionQueue queue, IngestionProgress progress,
    DocumentFolders folders, IOptions<IngestionLimits> limits, ILogger<DocumentProcessor> logger) : IDisposable
{
    private readonly SemaphoreSlim _commit = new(1, 1);
    private readonly Lock _activeLock = new();
    private (string DocumentId, DocumentBudget Budget)? _active;

    public async Task<IngestionOutcome> ProcessAsync(QueuedDocument job, CancellationToken stoppingToken)
    {
        using var budget = new DocumentBudget(limits.Value, stoppingToken);
        // Registered before the file is read: a delete either stops this job or finds the file already gone for it.
        lock (_activeLock) _active = (job.DocumentId, budget);
        try
        {
            return await RunAsync(job, budget);
        }
        catch (OperationCanceledException) when (budget.Token.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            if (budget.Failure is not { } failure) return IngestionOutcome.Dropped;
            logger.LogWarning("Stopped ingesting {DocumentId}: {Reason}", job.DocumentId, failure.Message);
            return await FailAsync(job, failure.Message, await TryHashAsync(job), transient: false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await queue.ReleaseAsync(job, CancellationToken.None);
            throw;
        }
        finally
        {
            lock (_activeLock) _active = null;
            progress.Finish();
        }
    }

    private async Task<IngestionOutcome> RunAsync(QueuedDocument job, DocumentBudget budget)
    {
        var folder = folders.FolderOf(job.Source);
        var file = folder?.FileOf(job.Source);
        if (folder is null || file is null || !File.Exists(file))
        {
            var removed = false;
            await CommitAsync(job, budget, async () => removed = await index.DeleteDocumentAsync(job.DocumentId, budget.StoppingToken));
            if (removed) logger.LogInformation("Removed {DocumentId}: its file {Source} is gone", job.DocumentId, job.Source);
            return IngestionOutcome.Removed;
        }

        progress.Start(job.DocumentId);
        SourceDocument document;
        try
        {
            var size = new FileInfo(file).Length;
            if (size > budget.Limits.MaxFileBytes) throw DocumentLimitException.FileTooLarge(size, budget.Limits.MaxFileBytes);
            var content = await File.ReadAllBytesAsync(file, budget.Token);
            var hash = DocumentFiles.HashOf(content);
            if ((await index.GetDocumentAsync(job.DocumentId, budget.Token))?.ContentHash == hash)
            {
                await CommitAsync(job, budget, () => Task.CompletedTask);
                return IngestionOutcome.Unchanged;
            }
            // A reader deep inside a format library may not look at the token: the job stops waiting for it all the same.
            document = await Task.Run(() => DocumentFiles.Read(folder, file, content, budget.Extraction), CancellationToken.None).WaitAsync(budget.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RagTelemetry.DocumentsIngested.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            logger.LogWarning(ex, "Could not read {Source}", job.Source);
            var reason = ex is DocumentLimitException ? ex.Message : $"The file could not be read: {ex.Message}";
            // Whatever stops a reader is the file's: kept with its hash, not retried until the file changes.
            return await FailAsync(job, reason, await TryHashAsync(job), transient: false);
        }

        var result = await ingestor.IngestAsync(document, p => progress.Report(job.DocumentId, p), budget.Token, write => CommitAsync(job, budget, write));
        if (result.Outcome == IngestionOutcome.Failed)
            return await FailAsync(job, result.Error ?? "Ingestion failed.", result.Transient ? null : document.ContentHash, result.Transient);
        return result.Outcome;
    }

    /// <summary>
    /// Reads between commits: an index write and the completion of its job are seen together or not at all, so a document
    /// search already finds is never listed as still ingesting. Waits for at most one write.
    /// </summary>
    public async Task<T> ReadCommittedAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        await _commit.WaitAsync(cancellationToken);
        try
        {
            return await read();
        }
        finally
        {
            _commit.Release();
        }
    }

    /// <summary>Runs the write and completes the job, unless the job was stopped or is no longer its document's current generation.</summary>
    private async Task<bool> CommitAsync(QueuedDocument job, DocumentBudget budget, Func<Task> write)
    {
        await _commit.WaitAsync(budget.StoppingToken);
        try
        {
            if (budget.Token.IsCancellationRequested || !await queue.IsCurrentAsync(job, budget.StoppingToken)) return false;
            await write();
            await queue.CompleteAsync(job, budget.StoppingToken);
            return true;
        }
        finally
        {
            _commit.Release();
        }
    }

    /// <summary>Deletes a document of the documents folder: its file, its index entries and its queue row; a job in flight for it is stopped.</summary>
    public async Task DeleteAsync(string documentId, string source)
    {
        if (folders.Documents.FileOf(source) is { } file && File.Exists(file))
        {
            File.Delete(file);
            DurableFiles.SyncDirectory(Path.GetDirectoryName(file)!);
        }
        Stop(documentId, BudgetStop.Deleted);
        // Once the caller is told, it stays deleted: the rest runs even if the caller goes away.
        await _commit.WaitAsync(CancellationToken.None);
        try
        {
            await index.DeleteDocumentAsync(documentId, CancellationToken.None);
            await queue.RemoveAsync(documentId, CancellationToken.None);
        }
        finally
        {
            _commit.Release();
        }
        logger.LogInformation("Deleted {DocumentId} ({Source}) on request", documentId, source);
    }

    /// <summary>
    /// Cancels a queued or running ingestion: the document ends failed ("cancelled") and keeps nothing in the index; the file stays
    /// and is ingested again when it changes or is uploaded again. False when nothing was pending.
    /// </summary>
    public async Task<bool> CancelAsync(string documentId, string source)
    {
        var file = folders.FileOf(source);
        string? hash = null;
        if (file is not null && File.Exists(file))
        {
            try { hash = await DocumentFiles.HashFileAsync(file, CancellationToken.None); }
            catch (IOException) { }
        }
        await _commit.WaitAsync(CancellationToken.None);
        try
        {
            // Stopped under the commit lock: the job cannot record its own "cancelled" failure first and leave nothing to cancel.
            Stop(documentId, BudgetStop.Cancelled);
            if (!await queue.CancelAsync(documentId, "Ingestion was cancelled on request.", hash, CancellationToken.None)) return false;
            await index.DeleteDocumentAsync(documentId, CancellationToken.None);
        }
        finally
        {
            _commit.Release();
        }
        logger.LogInformation("Cancelled the ingestion of {DocumentId} on request", documentId);
        return true;
    }

    /// <summary>A new version was queued: the job in flight for the old one stops (its chunks would be dropped anyway).</summary>
    public void Supersede(string documentId) => Stop(documentId, BudgetStop.Superseded);

    private void Stop(string documentId, BudgetStop reason)
    {
        lock (_activeLock)
        {
            if (_active is { } active && active.DocumentId == documentId) active.Budget.Stop(reason);
        }
    }

    // A new version that cannot be ingested must not leave the old one answering questions.
    private async Task<IngestionOutcome> FailAsync(QueuedDocument job, string error, string? hash, bool transient)
    {
        await _commit.WaitAsync(CancellationToken.None);
        try
        {
            if (!await queue.IsCurrentAsync(job, CancellationToken.None)) return IngestionOutcome.Dropped;
            await index.DeleteDocumentAsync(job.DocumentId, CancellationToken.None);
            await queue.FailAsync(job, error, transient ? null : hash, CancellationToken.None);
        }
        finally
        {
            _commit.Release();
        }
        return IngestionOutcome.Failed;
    }

    private async Task<string?> TryHashAsync(QueuedDocument job)
    {
        if (folders.FileOf(job.Source) is not { } file) return null;
        try { return await DocumentFiles.HashFileAsync(file, CancellationToken.None); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public void Dispose() => _commit.Dispose();
}
