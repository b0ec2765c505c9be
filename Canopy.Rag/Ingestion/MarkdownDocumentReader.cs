using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Canopy.Rag.Ingestion;

/// <summary>Reads a Markdown file with optional YAML-style front matter (title, course, kind).</summary>
public static partial class MarkdownDocumentReader
{
    public static SourceDocument Read(string id, string source, string content, string hashSalt)
    {
        var (metadata, body) = SplitFrontMatter(content.Replace("\r\n", "\n"));
        var heading = FirstHeading().Match(body);
        var title = metadata.GetValueOrDefault("title") ?? (heading.Success ? heading.Groups[1].Value.Trim() : id.Replace('-', ' '));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashSalt + "\n" + content)));
        return new SourceDocument(id, title, source, metadata.GetValueOrDefault("course"), metadata.GetValueOrDefault("kind"), body, hash);
    }

    public static string IdFromPath(string relativePath)
    {
        var withoutExtension = Path.ChangeExtension(relativePath, null).Replace('\\', '/').ToLowerInvariant();
        var slug = NonSlug().Replace(withoutExtension, "-").Trim('-');
        return slug.Length == 0 ? "document" : slug;
    }

    private static (Dictionary<string, string> Metadata, string Body) SplitFrontMatter(string content)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!content.StartsWith("---\n", StringComparison.Ordinal)) return (metadata, content);
        var end = content.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0) return (metadata, content);
        foreach (var line in content[4..end].Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var value = line[(colon + 1)..].Trim().Trim('"', '\'');
            if (value.Length > 0) metadata[line[..colon].Trim()] = value;
        }
        var bodyStart = content.IndexOf('\n', end + 4);
        return (metadata, bodyStart < 0 ? "" : content[(bodyStart + 1)..]);
    }

    [GeneratedRegex(@"^#\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex FirstHeading();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
