using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Where a request may end and an optimised suffix begin. A suffix of a model's tokens too word-like for the
/// <see cref="AdversarialSuffixDetector"/> to block ("Colt Runs pragmatic Jr historiansanswer Ek cush") still pulls a
/// request's embedding away from the request, so the harm classifier also reads the text before it. The tail is the
/// longest run of six tokens or more at the end of the last line in which a quarter of them, and three at least, are
/// noise: the detector's odd tokens, a lone symbol, letters glued to digits, and, after an English opening, a word
/// the English vocabulary does not hold or one wholly in another script.
/// </summary>
public static partial class SuffixTail
{
    /// <summary>Share of noise in a tail; chosen on random-token suffixes after the training pool's requests for harm.</summary>
    public const double MinNoiseShare = 0.25;

    private const int MinNoiseTokens = 3;
    private const int MaxTailTokens = 30;
    private const int MinHeadTokens = 5;
    private const int MinTailTokens = 6;
    private const int MinLineTokens = 8;
    private const char LastLatinLetter = '\u024F';
    private const string LoneSymbols = "!?;:\\|^~*#@{}[]()<>`";

    /// <summary>
    /// The texts before the tail worth reading alone: up to where it starts, up to its first sentence end (the request
    /// may run into it), and up to its first token with symbols; none when the last line has no noisy tail.
    /// </summary>
    public static IReadOnlyList<string> Heads(string text, Func<string, bool> isKnownWord)
    {
        var trimmed = text.TrimEnd();
        var tokens = LastLineTokens(trimmed);
        if (tokens.Count < MinLineTokens) return [];
        // Whether the line opens in English is asked only when a word the vocabulary lacks needs it: most tails have none.
        bool? english = null;
        bool OpensInEnglish() => english ??= EnglishText.IsEnglish(trimmed[tokens[0].Start..tokens[Math.Max(4, tokens.Count - 24) - 1].End]);
        var noise = 0;
        var start = -1;
        for (var k = 1; k <= Math.Min(MaxTailTokens, tokens.Count - MinHeadTokens); k++)
        {
            if (Noise(trimmed[tokens[^k]], OpensInEnglish, isKnownWord) == Kind.None) continue;
            noise++;
            if (noise >= MinNoiseTokens && noise >= MinNoiseShare * k && k >= MinTailTokens) start = tokens[^k].Start.Value;
        }
        if (start < 0) return [];
        var cuts = new List<int> { start };
        var tail = tokens.Where(t => t.Start.Value >= start).ToList();
        foreach (var t in tail)
        {
            if (!EndsSentence(trimmed[t])) continue;
            cuts.Add(t.End.Value);
            break;
        }
        foreach (var t in tail)
        {
            if (Noise(trimmed[t], OpensInEnglish, isKnownWord) != Kind.Symbols) continue;
            if (t.Start.Value > start) cuts.Add(t.Start.Value);
            break;
        }
        return [.. cuts.Distinct().Select(c => trimmed[..c].TrimEnd()).Where(h => h.Length > 0)];
    }

    // The whitespace-separated tokens of the text's last line, as ranges (a long line costs no strings).
    private static List<Range> LastLineTokens(string text)
    {
        var tokens = new List<Range>();
        var i = text.LastIndexOf('\n') + 1;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var from = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > from) tokens.Add(from..i);
        }
        return tokens;
    }

    private enum Kind { None, Symbols, UnknownWord }

    private static Kind Noise(string token, Func<bool> english, Func<string, bool> isKnownWord)
    {
        if (AdversarialSuffixDetector.IsOdd(token) || (token.Length == 1 && LoneSymbols.Contains(token[0]))) return Kind.Symbols;
        var core = token.Trim(AdversarialSuffixDetector.Edges);
        if (core.Any(char.IsDigit) && core.Count(char.IsLetter) >= 2 && !Measure().IsMatch(core)) return Kind.Symbols;
        // A word in another script after an English opening: a language model's tokens, or a quotation to translate.
        if (IsOtherScript(core)) return english() ? Kind.UnknownWord : Kind.None;
        foreach (var run in LetterRun().EnumerateMatches(core))
            if (!isKnownWord(core.Substring(run.Index, run.Length).ToLowerInvariant())) return english() ? Kind.UnknownWord : Kind.None;
        return Kind.None;
    }

    private static bool IsOtherScript(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (c <= LastLatinLetter) return false;
            letters++;
        }
        return letters > 0;
    }

    private static bool EndsSentence(string token)
    {
        var word = token.TrimEnd('.', '?', '!');
        return word.Length < token.Length && word.Length > 0 && word.All(c => char.IsLetter(c) || c is '\'' or '’' or '-');
    }

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LetterRun();

    // Quantities, versions and ordinals are how prose writes numbers (5kg, 3.5GHz, v2, GPT-4, 1990s, 21st).
    [GeneratedRegex(@"^(\d+([.,]\d+)?[a-zA-Z]{1,3}|[a-zA-Z]{1,3}-?\d+([.,]\d+)?|\d+(st|nd|rd|th|s))$")]
    private static partial Regex Measure();
}
