using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>Where documents come from: the bundled corpus and the watched documents folder (by default inside the data directory, so uploads survive restarts).</summary>
public sealed class DocumentFolders(IOptions<IngestionOptions> ingestion, IOptions<EmbeddedIndexOptions> index, IHostEnvironment environment)
{
    public FolderSource Corpus { get; } = new(FolderSource.CorpusPrefix, Path.GetFullPath(ingestion.Value.CorpusPath, AppContext.BaseDirectory));

    public FolderSource Documents { get; } = new(FolderSource.DocumentsPrefix, string.IsNullOrWhiteSpace(ingestion.Value.DocumentsPath)
        ? Path.Combine(Path.GetFullPath(index.Value.DataPath, environment.ContentRootPath), "documents")
        : Path.GetFullPath(ingestion.Value.DocumentsPath, environment.ContentRootPath));

    public IReadOnlyList<FolderSource> All => [Corpus, Documents];

    public FolderSource? FolderOf(string source) => All.FirstOrDefault(f => f.Owns(source));

    public string? FileOf(string source) => FolderOf(source)?.FileOf(source);
}
