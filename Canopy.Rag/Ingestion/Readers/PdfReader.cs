using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Canopy.Rag.Ingestion.Readers;

/// <summary>PDF text in reading order, one "Page n" section per page so citations can point at a page.</summary>
public sealed class PdfReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public ExtractedDocument Read(byte[] content, string fileName)
    {
        using var pdf = PdfDocument.Open(content);
        var body = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            var text = ContentOrderTextExtractor.GetText(page).Replace("\r\n", "\n").Trim();
            if (text.Length == 0) continue;
            body.Append("## Page ").Append(page.Number).Append("\n\n");
            foreach (var line in text.Split('\n'))
                body.Append(line.StartsWith('#') ? "\\" : "").Append(line).Append('\n');
            body.Append('\n');
        }
        var title = pdf.Information.Title is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : DocumentReaders.TitleFromFileName(fileName);
        return new ExtractedDocument(title, null, null, body.ToString());
    }
}
