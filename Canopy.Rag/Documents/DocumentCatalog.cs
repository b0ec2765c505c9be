using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Readers;
using Canopy.Rag.VectorStore;

namespace Canopy.Rag.Documents;

/// <summary>Joins what the index holds, what the queue holds and what is being ingested into one status per document.</summary>
public sealed class DocumentCatalog(IVectorIndex index, IngestionQueue queue, IngestionProgress progress, DocumentFolders folders, DocumentProcessor processor)
{
    public async Task<IReadOnlyList<DocumentInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var (queued, indexed, now) = await processor.ReadCommittedAsync(async () =>
            (await queue.ListAsync(cancellationToken), await index.ListDocumentsAsync(cancellationToken), progress.Now), cancellationToken);
        var jobs = queued.ToDictionary(j => j.DocumentId, StringComparer.Ordinal);
        var documents = new List<DocumentInfo>(indexed.Count + jobs.Count);
        foreach (var document in indexed)
        {
            jobs.Remove(document.Id, out var job);
            documents.Add(Describe(document.Id, document.Title, document.Source, document.Course, document.Kind, document.ChunkCount,
                job?.UpdatedAt ?? document.IndexedAt, job, now));
        }
        foreach (var job in jobs.Values)
        {
            // A pending job whose file is gone is a removal in progress, not a document.
            if (!job.Failed && (folders.FileOf(job.Source) is not { } file || !File.Exists(file))) continue;
            documents.Add(Describe(job.DocumentId, DocumentReaders.TitleFromFileName(job.Source), job.Source, null, null, 0, job.UpdatedAt, job, now));
        }
        return [.. documents.OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    public async Task<DocumentInfo?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == id);

    private static DocumentInfo Describe(
        string id, string title, string source, string? course, string? kind, int chunks, DateTimeOffset updated,
        QueuedDocument? job, IngestionProgress.Current? now)
    {
        var (status, percent) = job switch
        {
            null => (DocumentStatus.Ready, 100),
            { Failed: true } => (DocumentStatus.Failed, 0),
            _ when now?.DocumentId == id => (DocumentStatus.Ingesting, now.Percent),
            _ => (DocumentStatus.Queued, 0),
        };
        return new DocumentInfo(id, title, source, course, kind, status, percent, job?.Error, chunks, updated);
    }
}
