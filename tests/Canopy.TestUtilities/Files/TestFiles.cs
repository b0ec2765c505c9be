using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PageSize = UglyToad.PdfPig.Content.PageSize;

namespace Canopy.TestUtilities.Files;

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

    /// <summary>
    /// A .docx-shaped zip bomb: a small archive whose word/document.xml inflates to <paramref name="xmlBytes"/> of one paragraph
    /// repeated (the file of the incident was 1.1 MB holding 419 MB of XML).
    /// </summary>
    public static byte[] ZipBombDocx(long xmlBytes)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(archive, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Entry(archive, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var xml = archive.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            xml.Write("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""u8);
            var paragraph = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>All work and no play.</w:t></w:r></w:p>", 1024)));
            for (long written = 0; written < xmlBytes; written += paragraph.Length) xml.Write(paragraph);
            xml.Write("</w:body></w:document>"u8);
        }
        return stream.ToArray();
    }

    /// <summary>A zip of the given entries, each <c>(name, bytes)</c>.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        return stream.ToArray();
    }

    private static void Entry(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
