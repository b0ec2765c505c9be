namespace Canopy.Rag.Ingestion;

/// <summary>A folder of course documents and the prefix its documents carry in <c>source</c> (corpus/, documents/).</summary>
public sealed record FolderSource(string Prefix, string Path)
{
    public static readonly string[] Extensions = [".md", ".markdown", ".txt"];

    public IEnumerable<string> Files() => Directory.Exists(Path)
        ? Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
        : [];

    public string SourceOf(string file) => $"{Prefix}/{System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/')}";
}
