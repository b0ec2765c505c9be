using Canopy.Rag.Embeddings;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// On start, brings the index in line with the bundled corpus and the documents folder:
/// new and changed files are ingested, unchanged ones skipped, vanished ones removed.
/// </summary>
public sealed class StartupIngestionService(
    IVectorIndex index,
    DocumentIngestor ingestor,
    IngestionState state,
    IOptions<IngestionOptions> options,
    IHostEnvironment environment,
    ILogger<StartupIngestionService> logger) : BackgroundService
{
    public IReadOnlyList<FolderSource> Folders()
    {
        var folders = new List<FolderSource> { new("corpus", Path.GetFullPath(options.Value.CorpusPath, AppContext.BaseDirectory)) };
        if (!string.IsNullOrWhiteSpace(options.Value.DocumentsPath))
            folders.Add(new("documents", Path.GetFullPath(options.Value.DocumentsPath, environment.ContentRootPath)));
        return folders;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.InitializeAsync(stoppingToken);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var folder in Folders())
            {
                var files = folder.Files().ToList();
                logger.LogInformation("Checking {Count} documents in {Folder}", files.Count, folder.Path);
                foreach (var file in files)
                {
                    var document = await ReadAsync(folder, file, stoppingToken);
                    seen.Add(document.Id);
                    state.Record(await ingestor.IngestAsync(document, stoppingToken));
                }
            }
            await RemoveVanishedAsync(seen, stoppingToken);
            logger.LogInformation("Index ready: {Ingested} ingested, {Unchanged} unchanged, {Failed} failed, {Removed} removed",
                state.Ingested, state.Unchanged, state.Failed, state.Removed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Ingestion could not run; search answers from what the index already holds");
        }
        finally
        {
            state.CompleteInitialPass();
        }
    }

    internal static async Task<SourceDocument> ReadAsync(FolderSource folder, string file, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllTextAsync(file, cancellationToken);
        var source = folder.SourceOf(file);
        return MarkdownDocumentReader.Read(MarkdownDocumentReader.IdFromPath(Path.GetRelativePath(folder.Path, file)), source, content, IngestionVersion.Salt);
    }

    private async Task RemoveVanishedAsync(HashSet<string> seen, CancellationToken cancellationToken)
    {
        var prefixes = Folders().Select(f => f.Prefix + "/").ToArray();
        foreach (var document in await index.ListDocumentsAsync(cancellationToken))
        {
            if (seen.Contains(document.Id) || !prefixes.Any(p => document.Source.StartsWith(p, StringComparison.Ordinal))) continue;
            await index.DeleteDocumentAsync(document.Id, cancellationToken);
            state.Record(IngestionOutcome.Removed);
            logger.LogInformation("Removed {DocumentId}: its file {Source} is gone", document.Id, document.Source);
        }
    }
}

/// <summary>Part of every content hash: changing the chunker or the model re-ingests everything once.</summary>
public static class IngestionVersion
{
    public const string Salt = "chunker-v1|" + MiniLmEmbeddingGenerator.ModelId;
}
