namespace Canopy.Rag.Ingestion;

/// <summary>Kept for callers of the former start-up ingestion: reading a corpus file is now <see cref="DocumentFiles"/>.</summary>
public static class StartupIngestionService
{
    public static Task<SourceDocument> ReadAsync(FolderSource folder, string file, CancellationToken cancellationToken) =>
        DocumentFiles.ReadAsync(folder, file, cancellationToken);
}
