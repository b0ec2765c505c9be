using System.Threading.Channels;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// Watches the documents folder and queues a file once it has been quiet for the debounce time
/// (editors and copies write in several steps). A watcher overflow asks for a full rescan instead.
/// </summary>
public sealed class DocumentsWatcher(
    DocumentFolders folders, IngestionQueue queue, IVectorIndex index, IOptions<IngestionOptions> options, ILogger<DocumentsWatcher> logger)
    : BackgroundService
{
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = folders.Documents;
        Directory.CreateDirectory(folder.Path);
        using var watcher = new FileSystemWatcher(folder.Path)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) => { _changes.Writer.TryWrite(e.OldFullPath); _changes.Writer.TryWrite(e.FullPath); };
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "The watcher of {Folder} lost events; rescanning", folder.Path);
            queue.RequestRescan();
        };
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Folder} for documents", folder.Path);

        var debounce = TimeSpan.FromMilliseconds(options.Value.DebounceMilliseconds);
        var quietSince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (quietSince.Count == 0) await _changes.Reader.WaitToReadAsync(stoppingToken);
                else
                {
                    var wait = quietSince.Values.Min() + debounce - DateTimeOffset.UtcNow;
                    if (wait > TimeSpan.Zero)
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                        timeout.CancelAfter(wait);
                        try { await _changes.Reader.WaitToReadAsync(timeout.Token); }
                        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
                    }
                }
                while (_changes.Reader.TryRead(out var path)) quietSince[path] = DateTimeOffset.UtcNow;
                foreach (var path in quietSince.Where(p => p.Value + debounce <= DateTimeOffset.UtcNow).Select(p => p.Key).ToList())
                {
                    quietSince.Remove(path);
                    await QueueAsync(folder, path, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task QueueAsync(FolderSource folder, string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.')) return;
        if (!Readers.DocumentReaders.IsSupported(path))
        {
            // A folder moved or deleted reports only itself: let a scan find what changed inside it.
            if (Directory.Exists(path) || !Path.HasExtension(path)) queue.RequestRescan();
            return;
        }
        try
        {
            string? hash = null;
            if (File.Exists(path))
            {
                try { hash = await DocumentFiles.HashFileAsync(path, cancellationToken); }
                catch (IOException) { }
            }
            var id = folder.IdOf(path);
            // An upload's own write, or a touch, must not send an indexed document back through ingestion.
            if (hash is not null && await IndexedHashAsync(id, cancellationToken) == hash) return;
            await queue.EnqueueAsync(id, folder.SourceOf(path), cancellationToken, hash);
            logger.LogDebug("Queued {Path} after a change", path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not queue {Path}; the next scan will", path);
        }
    }

    private async Task<string?> IndexedHashAsync(string id, CancellationToken cancellationToken)
    {
        try { return (await index.GetDocumentAsync(id, cancellationToken))?.ContentHash; }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Could not look up {DocumentId} in the index; queueing it", id);
            return null;
        }
    }
}
