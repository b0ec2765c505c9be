using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>One piece of a passage: a sentence, a line, or a value in structured data.</summary>
public readonly record struct Segment(int Start, int Length, int Index, int Count)
{
    public bool IsFirst => Index == 0;
    public bool IsLast => Index == Count - 1;
}

/// <summary>
/// Splits a passage into the pieces an instruction could hide in: sentences, lines, and the quoted values of
/// JSON-like tool output. Pieces of fewer than three words are left out: they cannot carry a task.
/// </summary>
public static partial class PassageSegments
{
    public const int MaxSegments = 256;

    public static IReadOnlyList<Segment> Split(string text)
    {
        var spans = new List<(int Start, int Length)>();
        var start = 0;
        foreach (var m in Boundary().EnumerateMatches(text))
        {
            Add(text, start, m.Index + (m.Length > 0 && text[m.Index] is '.' or '!' or '?' ? 1 : 0) - start, spans);
            start = m.Index + m.Length;
            if (spans.Count >= MaxSegments) break;
        }
        if (spans.Count < MaxSegments) Add(text, start, text.Length - start, spans);
        return [.. spans.Select((s, i) => new Segment(s.Start, s.Length, i, spans.Count))];
    }

    /// <summary>The words of two letters or more in the text.</summary>
    public static int WordCount(ReadOnlySpan<char> text) => Words().Count(text);

    private static void Add(string text, int start, int length, List<(int, int)> spans)
    {
        if (length <= 0) return;
        var piece = text.AsSpan(start, length);
        var trimmedStart = start + (piece.Length - piece.TrimStart(" \t\"'{[(,:").Length);
        var trimmed = text.AsSpan(trimmedStart, start + length - trimmedStart).TrimEnd(" \t\"'}]),:");
        if (Words().Count(trimmed) >= 3) spans.Add((trimmedStart, trimmed.Length));
    }

    // Sentence ends, line breaks, and the separators between quoted values ("', '", "': '", "\": \"").
    [GeneratedRegex(@"(?<=[^\s.]{2})[.!?]+(?=\s|$|['""])\s*|\r?\n+|['""]\s*[,:]\s*['""{\[]|[{}\[\]]\s*")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();
}
