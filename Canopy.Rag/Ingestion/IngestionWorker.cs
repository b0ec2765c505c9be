using Canopy.Rag.Ingestion.Limits;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// Keeps the index in line with the corpus and the documents folder: once the index is open (and the service ready), a scan
/// queues new, changed and vanished files, then the durable queue is worked off one document at a time, each try counted
/// before it starts. The scan repeats periodically to catch what the file watcher missed.
/// </summary>
public sealed class IngestionWorker(
    IVectorIndex index,
    IndexOpener opener,
    IngestionQueue queue,
    DocumentProcessor processor,
    DocumentFolders folders,
    IngestionState state,
    IOptions<IngestionOptions> options,
    IOptions<IngestionLimits> limits,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartIngestionAsync(stoppingToken)) return;

        var rescanEvery = TimeSpan.FromSeconds(options.Value.RescanSeconds);
        var nextScan = DateTimeOffset.UtcNow + rescanEvery;
        var reportedIdle = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                if (!reportedIdle)
                {
                    reportedIdle = true;
                    logger.LogInformation("Index ready: {Ingested} ingested, {Unchanged} unchanged, {Failed} failed, {Removed} removed",
                        state.Ingested, state.Unchanged, state.Failed, state.Removed);
                }
                var wait = nextScan - DateTimeOffset.UtcNow;
                var signalled = wait > TimeSpan.Zero && await queue.WaitAsync(wait, stoppingToken);
                if (!signalled || queue.TakeRescanRequest())
                {
                    await ScanAsync(initial: false, stoppingToken);
                    nextScan = DateTimeOffset.UtcNow + rescanEvery;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Ingestion loop failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Opens the queue and runs the first scan, retrying with a bounded backoff; false when the service stops first.</summary>
    private async Task<bool> StartIngestionAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await opener.Opened.WaitAsync(stoppingToken);
                await queue.InitializeAsync(stoppingToken);
                Directory.CreateDirectory(folders.Documents.Path);
                await ScanAsync(initial: true, stoppingToken);
                state.CompleteScan();
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                state.StartFailed(ex.Message);
                logger.LogCritical(ex, "Ingestion could not start; search answers from what the index holds; retrying in {Seconds} s", backoff.TotalSeconds);
            }
            try { await Task.Delay(backoff, stoppingToken); }
            catch (OperationCanceledException) { return false; }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await queue.NextAsync(cancellationToken) is { } next)
        {
            var (job, gaveUp) = await queue.ClaimAsync(next, limits.Value.MaxAttempts, cancellationToken);
            if (gaveUp)
            {
                logger.LogError("Gave up on {DocumentId} ({Source}) after {Attempts} attempts that each ended with the service stopping",
                    next.DocumentId, next.Source, limits.Value.MaxAttempts);
                state.Record(IngestionOutcome.Failed);
            }
            if (job is null) continue;
            IngestionOutcome outcome;
            try
            {
                outcome = await processor.ProcessAsync(job, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // No hash: the next scan retries it, since the error may be the index's, not the file's.
                logger.LogError(ex, "Processing {DocumentId} ({Source}) failed", job.DocumentId, job.Source);
                await queue.FailAsync(job, ex.Message, null, cancellationToken);
                outcome = IngestionOutcome.Failed;
            }
            state.Record(outcome);
        }
    }

    /// <summary>Queues every file whose bytes differ from what is indexed, and every indexed document whose file is gone.</summary>
    internal async Task ScanAsync(bool initial, CancellationToken cancellationToken)
    {
        var jobs = (await queue.ListAsync(cancellationToken)).ToDictionary(j => j.DocumentId, StringComparer.Ordinal);
        var indexed = (await index.ListDocumentsAsync(cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queued = 0;
        foreach (var folder in folders.All)
        {
            foreach (var file in folder.Files())
            {
                var id = folder.IdOf(file);
                seen.Add(id);
                if (jobs.TryGetValue(id, out var job) && !job.Failed) continue;
                string hash;
                try { hash = await DocumentFiles.HashFileAsync(file, cancellationToken); }
                catch (IOException ex)
                {
                    logger.LogWarning(ex, "Skipped {File} in this scan: it could not be read", file);
                    continue;
                }
                if (job is not null && job.ContentHash == hash) continue;
                if (indexed.TryGetValue(id, out var document) && document.ContentHash == hash)
                {
                    if (initial) state.Record(IngestionOutcome.Unchanged);
                    continue;
                }
                await queue.EnqueueAsync(id, folder.SourceOf(file), cancellationToken, hash);
                queued++;
            }
        }
        foreach (var document in indexed.Values.Where(d => !seen.Contains(d.Id) && folders.FolderOf(d.Source) is not null))
        {
            await queue.EnqueueAsync(document.Id, document.Source, cancellationToken);
            queued++;
        }
        foreach (var job in jobs.Values.Where(j => j.Failed && !seen.Contains(j.DocumentId)))
            await queue.RemoveAsync(job.DocumentId, cancellationToken);
        if (initial || queued > 0)
            logger.LogInformation("Scan of {Folders} queued {Queued} documents ({Pending} pending in all)",
                string.Join(", ", folders.All.Select(f => f.Path)), queued, queue.PendingCount);
    }
}
