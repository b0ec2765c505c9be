using System.Text;
using System.Text.RegularExpressions;
using Canopy.Rag.Ingestion.Limits;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Canopy.Rag.Ingestion.Readers;

/// <summary>
/// Word .docx: paragraphs in order, paragraphs styled as headings become Markdown headings. The archive passes
/// <see cref="ArchiveGuard"/> first, and the body is streamed paragraph by paragraph instead of loaded as one tree.
/// </summary>
public sealed partial class DocxReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public ExtractedDocument Read(byte[] content, string fileName, ExtractionBudget budget)
    {
        ArchiveGuard.Check(content, budget);
        var settings = new OpenSettings { MaxCharactersInPart = budget.Limits.MaxDecompressedBytes };
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false, settings);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The .docx file has no document body.");
        var styleNames = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().StyleName?.Val?.Value ?? "", StringComparer.OrdinalIgnoreCase)
            ?? [];

        string? title = document.PackageProperties.Title is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;
        var body = new StringBuilder();
        var sawBody = false;
        using var reader = OpenXmlReader.Create(main);
        while (reader.Read())
        {
            budget.ThrowIfCancellationRequested();
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(Body)) sawBody = true;
            if (reader.ElementType != typeof(Paragraph)) continue;
            var paragraph = (Paragraph)reader.LoadCurrentElement()!;
            var text = paragraph.InnerText.Trim();
            if (text.Length == 0) continue;
            budget.Take(text.Length);
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
            var styleName = styleNames.GetValueOrDefault(styleId, styleId);
            var level = HeadingLevel(styleId, styleName);
            if (level == 0 && title is null && (styleId.Equals("Title", StringComparison.OrdinalIgnoreCase) || styleName.Equals("Title", StringComparison.OrdinalIgnoreCase)))
                title = text;
            else if (level > 0)
                body.Append('#', Math.Min(level, 6)).Append(' ').Append(text).Append("\n\n");
            else
                body.Append(text.StartsWith('#') ? "\\" : "").Append(text).Append("\n\n");
        }
        if (!sawBody) throw new InvalidDataException("The .docx file has no document body.");
        return new ExtractedDocument(title ?? DocumentReaders.TitleFromFileName(fileName), null, null, body.ToString());
    }

    private static int HeadingLevel(string styleId, string styleName)
    {
        var match = HeadingStyle().Match(styleName);
        if (!match.Success) match = HeadingStyle().Match(styleId);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^heading\s*([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();
}
