using Canopy.Rag.Ingestion.Limits;

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

    /// <summary>UTF-8 (or a BOM's encoding) to text, refusing text over the budget before decoding what cannot fit.</summary>
    internal static string DecodeText(byte[] content, ExtractionBudget budget)
    {
        // UTF-8 and UTF-16 spend at most four bytes on a character: more than four bytes per allowed character cannot fit.
        if (content.Length / 4 > budget.Limits.MaxExtractedCharacters) throw DocumentLimitException.TooMuchText(budget.Limits.MaxExtractedCharacters);
        using var reader = new StreamReader(new MemoryStream(content), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd().Replace("\r\n", "\n");
        budget.Take(text.Length);
        return text;
    }
}
