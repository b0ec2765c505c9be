using System.Text;
using Canopy.Contracts.Search;

namespace Canopy.Api.Llm;

/// <summary>Extractive versions of the summarize and Socratic tutor features: only the given text is quoted, and labelled so.</summary>
public static partial class ExtractiveComposer
{
    public const string SummaryLabel = "*No generative model is configured, so this summary is made of the text's most central sentences:*";
    public const string SocraticLabel = "*No generative model is configured, so instead of a written hint here is a passage to reason from, and a question to guide you:*";

    /// <summary>The sentences whose words recur most across the text (a frequency-based centrality), in their original order.</summary>
    public static string Summarize(string text, int maxSentences = 5)
    {
        var sentences = Sentences(text).Where(s => s.Length >= 20).ToList();
        if (sentences.Count == 0) return "There is not enough text here to summarise.";
        var frequency = sentences.SelectMany(s => Terms(s)).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var picked = sentences
            .Select((s, i) => (Sentence: s, Index: i, Score: Terms(s).Sum(t => frequency[t] - 1) / Math.Sqrt(Terms(s).Count + 1)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Take(Math.Max(1, Math.Min(maxSentences, (sentences.Count + 2) / 3)))
            .OrderBy(x => x.Index);
        var summary = new StringBuilder(SummaryLabel).Append("\n\n");
        foreach (var (sentence, _, _) in picked) summary.Append("- ").Append(sentence).Append('\n');
        return summary.ToString().TrimEnd();
    }

    /// <summary>The most relevant sentence of the best passages, then a question that asks the student to reason from it.</summary>
    public static string Socratic(string question, IReadOnlyList<Passage> passages)
    {
        if (passages.Count == 0)
            return "I could not find anything about this in the course documents. What do you already know about it, and where did you meet it in your course?";
        var extract = Compose(question, passages, maxSentences: 2);
        var quoted = extract[(Label.Length + 2)..];
        var topic = passages[0].HeadingPath.Split(" > ").Last();
        return $"{SocraticLabel}\n\n{quoted}\n\nWhat does this tell you about your question? Try to explain it in your own words, and say how it connects to \"{topic}\".";
    }
}
