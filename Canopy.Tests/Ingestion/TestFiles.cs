using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Canopy.Tests.Ingestion;

/// <summary>Real PDF and .docx files written in the test with PdfPig's writer and the Open XML SDK.</summary>
public static class TestFiles
{
    /// <summary>A PDF with one page per entry, each page holding the given lines.</summary>
    public static byte[] Pdf(string? title, params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null) builder.DocumentInformation.Title = title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 800.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(40, y), font);
                y -= 16;
            }
        }
        return builder.Build();
    }

    /// <summary>A lecture handout of <paramref name="pageCount"/> pages; page 4 (or the last) names <paramref name="marker"/>.</summary>
    public static byte[] LecturePdf(string title, int pageCount, string marker)
    {
        var pages = Enumerable.Range(1, pageCount).Select(p => Enumerable.Range(1, 30).Select(l =>
                p == Math.Min(4, pageCount) && l == 12 ? marker
                : $"Page {p} line {l}: photosynthesis converts light into chemical energy in leaf {l * p}.").ToArray())
            .ToArray();
        return Pdf(title, pages);
    }

    /// <summary>A .docx whose paragraphs are (style, text); style null is body text, "Heading1".. are headings, "Title" the title.</summary>
    public static byte[] Docx(string? title, params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(
                p.Style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = p.Style }),
                new Run(new Text(p.Text) { Space = SpaceProcessingModeValues.Preserve })))));
            if (title is not null) document.PackageProperties.Title = title;
        }
        return stream.ToArray();
    }

    /// <summary>The start of a PDF followed by garbage: what a truncated or mislabelled upload looks like.</summary>
    public static byte[] CorruptPdf() => [.. "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R"u8.ToArray(), .. Enumerable.Range(0, 200).Select(i => (byte)(i * 37))];
}
