using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace Canopy.Web.Chat;

/// <summary>Renders an answer's Markdown to HTML that cannot run script: raw HTML is escaped, then the result is sanitised.</summary>
public sealed partial class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private readonly HtmlSanitizer _sanitizer = new();

    public string Render(string markdown, string citationPrefix)
    {
        var html = _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
        // Citation links are added after sanitising: they are Canopy's own markup, made only of digits and the prefix.
        return Citation().Replace(html, m => $"<a class=\"cite\" href=\"#{citationPrefix}-{m.Groups[1].Value}\">[{m.Groups[1].Value}]</a>");
    }

    [GeneratedRegex(@"\[(\d{1,2})\](?![^<]*>)")]
    private static partial Regex Citation();
}
