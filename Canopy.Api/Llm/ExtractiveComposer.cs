using System.Text;
using System.Text.RegularExpressions;
using Canopy.Contracts.Search;

namespace Canopy.Api.Llm;

/// <summary>
/// Builds an answer from the retrieved passages only: the sentences that share most words with the question,
/// quoted and cited. It writes nothing of its own beyond a label saying so.
/// </summary>
public static partial class ExtractiveComposer
{
    public const string Label = "*No generative model is configured, so here are the most relevant extracts from your course documents:*";

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "explain", "for", "from", "how", "i", "in", "is",
        "it", "me", "my", "of", "on", "or", "please", "tell", "that", "the", "this", "to", "what", "when", "where", "which",
        "who", "why", "with", "you", "about", "describe", "give",
    };

    public static string Compose(string question, IReadOnlyList<Passage> passages, int maxSentences = 4)
    {
        if (passages.Count == 0)
            return "I could not find anything about this in the course documents.";

        var terms = Terms(question);
        var sentences = passages
            .SelectMany((p, index) => Sentences(p.Text).Select((s, order) => (Source: index + 1, Order: order, Sentence: s,
                Overlap: Overlap(terms, s) + Emphasis(terms, s, p.HeadingPath))))
            .Where(c => c.Sentence.Length >= 20)
            .ToList();
        // Sentences sharing words with the question, best first, ties to the better-ranked passage;
        // when none share a word, the opening of the best passage stands in.
        var candidates = sentences.Where(c => c.Overlap > 0)
            .OrderByDescending(c => c.Overlap).ThenBy(c => c.Source).ThenBy(c => c.Order)
            .Take(maxSentences)
            .ToList();
        if (candidates.Count == 0) candidates = [.. sentences.Where(c => c.Source == 1).Take(2)];
        candidates = [.. candidates.OrderBy(c => c.Source).ThenBy(c => c.Order)];

        var answer = new StringBuilder(Label).Append("\n\n");
        foreach (var group in candidates.GroupBy(c => c.Source))
            answer.Append("> ").Append(string.Join(" ", group.Select(c => c.Sentence))).Append($" [{group.Key}]\n\n");
        return answer.ToString().TrimEnd();
    }

    // Definitions ("X is ...") and passages whose heading names the topic answer "explain X" questions best.
    private static double Emphasis(HashSet<string> terms, string sentence, string headingPath)
    {
        if (terms.Count == 0) return 0;
        var headingTerms = Terms(headingPath.Split(" > ").Last());
        var definition = Definition().IsMatch(sentence) && Overlap(terms, sentence) > 0 ? 0.25 : 0;
        return definition + 0.25 * terms.Count(headingTerms.Contains) / terms.Count;
    }

    internal static HashSet<string> Terms(string text) =>
        new(Word().Matches(text).Select(m => Stem(m.Value.ToLowerInvariant())).Where(t => t.Length > 2 && !StopWords.Contains(t)));

    private static double Overlap(HashSet<string> terms, string sentence)
    {
        if (terms.Count == 0) return 0;
        var words = Terms(sentence);
        return terms.Count(words.Contains) / (double)terms.Count;
    }

    // Crude suffix folding so "entangled" meets "entanglement".
    private static string Stem(string word)
    {
        foreach (var suffix in new[] { "ments", "ment", "ings", "ing", "ies", "ed", "es", "s" })
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }
        return word;
    }

    internal static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(MarkdownNoise().Replace(text, " ").Trim())
            .Select(s => Whitespace().Replace(s, " ").Trim())
            .Where(s => s.Length > 0);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n{2,}")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^\s*([-*+]|\d+\.|\|)\s*|\|", RegexOptions.Multiline)]
    private static partial Regex MarkdownNoise();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(is|are|means|describes|refers to)\b (a|an|the)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Definition();
}
