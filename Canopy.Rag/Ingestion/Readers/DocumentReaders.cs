namespace Canopy.Rag.Ingestion.Readers;

/// <summary>The readers of every supported format, chosen by file extension.</summary>
public static class DocumentReaders
{
    public static readonly IReadOnlyList<IDocumentReader> All =
        [new MarkdownFileReader(), new PlainTextReader(), new PdfReader(), new DocxReader()];

    public static IReadOnlyList<string> Extensions { get; } = [.. All.SelectMany(r => r.Extensions)];

    public static IDocumentReader? For(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return All.FirstOrDefault(r => r.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    public static bool IsSupported(string fileName) => For(fileName) is not null;

    /// <summary>A readable title from a file name when the document names none: "week-3_notes.pdf" → "week 3 notes".</summary>
    public static string TitleFromFileName(string fileName) =>
        Path.GetFileNameWithoutExtension(fileName).Replace('-', ' ').Replace('_', ' ').Trim() is { Length: > 0 } title ? title : "Untitled document";

    internal static string DecodeText(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
