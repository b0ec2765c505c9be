using Canopy.Rag.Ingestion.Readers;

namespace Canopy.Rag.Ingestion;

/// <summary>A folder of course documents and the prefix its documents carry in <c>source</c> (corpus/, documents/).</summary>
public sealed record FolderSource(string Prefix, string Path)
{
    public const string CorpusPrefix = "corpus";
    public const string DocumentsPrefix = "documents";

    public static IReadOnlyList<string> Extensions => DocumentReaders.Extensions;

    public IEnumerable<string> Files() => Directory.Exists(Path)
        ? Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Where(f => DocumentReaders.IsSupported(f) && !System.IO.Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
        : [];

    public string SourceOf(string file) => $"{Prefix}/{System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/')}";

    public bool Owns(string source) => source.StartsWith(Prefix + "/", StringComparison.Ordinal);

    /// <summary>The file behind a source of this folder, or null when the source would leave the folder.</summary>
    public string? FileOf(string source)
    {
        if (!Owns(source)) return null;
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, source[(Prefix.Length + 1)..]));
        return full.StartsWith(System.IO.Path.GetFullPath(Path) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>
    /// Corpus ids are the slug of the path without extension (stable since the first release);
    /// other folders keep the extension in the id, so notes.md and notes.pdf are two documents.
    /// </summary>
    public string IdOf(string file)
    {
        var relative = System.IO.Path.GetRelativePath(Path, file);
        return Prefix == CorpusPrefix
            ? MarkdownDocumentReader.IdFromPath(relative)
            : MarkdownDocumentReader.IdFromPath(relative.Replace('.', '-') + ".x");
    }
}
