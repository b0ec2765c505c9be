namespace Canopy.Web.Documents;

/// <summary>Where a cited passage sits in its document's text: whitespace is compared loosely, as chunking reflows it.</summary>
public static class PassageLocator
{
    /// <summary>Splits <paramref name="content"/> into the text before the passage, the passage and the text after it.</summary>
    public static (string Before, string Passage, string After)? Split(string content, string? passage)
    {
        if (string.IsNullOrWhiteSpace(passage)) return null;
        var (normalized, map) = Normalize(content);
        var needle = Normalize(passage).Text;
        var start = normalized.IndexOf(needle, StringComparison.Ordinal);
        // A chunk may begin with its heading path or overlap the previous chunk: fall back to its longest paragraph.
        if (start < 0)
        {
            needle = passage.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => Normalize(p).Text).OrderByDescending(p => p.Length).First();
            start = needle.Length < 20 ? -1 : normalized.IndexOf(needle, StringComparison.Ordinal);
        }
        if (start < 0) return null;
        var from = map[start];
        var to = map[start + needle.Length - 1] + 1;
        return (content[..from], content[from..to], content[to..]);
    }

    /// <summary>Collapses runs of whitespace to one space, remembering where each kept character came from.</summary>
    private static (string Text, int[] Map) Normalize(string text)
    {
        var chars = new List<char>(text.Length);
        var map = new List<int>(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                pendingSpace = chars.Count > 0;
                continue;
            }
            if (pendingSpace)
            {
                chars.Add(' ');
                map.Add(i - 1);
                pendingSpace = false;
            }
            chars.Add(text[i]);
            map.Add(i);
        }
        return (new string([.. chars]), [.. map]);
    }
}
