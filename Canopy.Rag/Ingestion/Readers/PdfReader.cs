using System.Text;
using Canopy.Rag.Ingestion.Limits;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Canopy.Rag.Ingestion.Readers;

/// <summary>PDF text in reading order, one "Page n" section per page so citations can point at a page.</summary>
public sealed class PdfReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public ExtractedDocument Read(byte[] content, string fileName, ExtractionBudget budget)
    {
        using var pdf = PdfDocument.Open(content);
        // The page count comes from the page tree, before any page's content is decoded.
        if (pdf.NumberOfPages > budget.Limits.MaxPdfPages) throw DocumentLimitException.TooManyPages(pdf.NumberOfPages, budget.Limits.MaxPdfPages);
        var body = new StringBuilder();
        for (var number = 1; number <= pdf.NumberOfPages; number++)
        {
            budget.ThrowIfCancellationRequested();
            var page = pdf.GetPage(number);
            var text = ContentOrderTextExtractor.GetText(page).Replace("\r\n", "\n").Trim();
            if (text.Length == 0) continue;
            budget.Take(text.Length);
            body.Append("## Page ").Append(page.Number).Append("\n\n");
            foreach (var line in text.Split('\n'))
                body.Append(line.StartsWith('#') ? "\\" : "").Append(line).Append('\n');
            body.Append('\n');
        }
        var title = pdf.Information.Title is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : DocumentReaders.TitleFromFileName(fileName);
        return new ExtractedDocument(title, null, null, body.ToString());
    }
}
