using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Canopy.Rag.Ingestion.Readers;

/// <summary>Word .docx: paragraphs in order, paragraphs styled as headings become Markdown headings.</summary>
public sealed partial class DocxReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public ExtractedDocument Read(byte[] content, string fileName)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        var main = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("The .docx file has no document body.");
        var styleNames = document.MainDocumentPart.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? "", StringComparer.OrdinalIgnoreCase)
            ?? [];

        string? title = document.PackageProperties.Title is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;
        var body = new StringBuilder();
        foreach (var paragraph in main.Descendants<Paragraph>())
        {
            var text = paragraph.InnerText.Trim();
            if (text.Length == 0) continue;
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
