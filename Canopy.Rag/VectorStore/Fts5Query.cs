using System.Text.RegularExpressions;

namespace Canopy.Rag.VectorStore;

/// <summary>Turns free text into a safe FTS5 MATCH expression: quoted terms joined by OR, common words dropped.</summary>
public static partial class Fts5Query
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in", "is", "it",
        "me", "my", "of", "on", "or", "please", "tell", "that", "the", "this", "to", "was", "what", "when", "where",
        "which", "who", "why", "will", "with", "you", "your", "about", "explain",
    };

    public static string? FromUserText(string text) => Match(Terms(text));

    /// <summary>The question's words that a keyword search looks for: lower-cased, distinct, common words dropped, at most 32.</summary>
    public static IReadOnlyList<string> Terms(string text) =>
        [.. WordPattern().Matches(text)
            .Select(m => m.Value.ToLowerInvariant())
            .Where(t => t.Length > 1 && !StopWords.Contains(t))
            .Distinct()
            .Take(32)];

    /// <summary>The terms quoted and ORed; null when there are none.</summary>
    public static string? Match(IEnumerable<string> terms)
    {
        var quoted = terms.Select(t => $"\"{t}\"").ToList();
        return quoted.Count == 0 ? null : string.Join(" OR ", quoted);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
