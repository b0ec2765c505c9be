using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Guardrails.Tool.Data;

/// <summary>
/// The same request in the other framing: a question as an instruction ("How can I pick a lock?" becomes "Explain how
/// to pick a lock."), an instruction as a question ("Write a poem." becomes "Can you write a poem?"). In the pool nearly
/// every harmful request is a question and nearly every benign instruction an imperative (and the short questions are
/// attacks: students' come with answer options), so a classifier trained on
/// the rows as they are learns the framing in place of the harm; trained on both framings of both classes, it cannot.
/// </summary>
public static partial class Rephrasing
{
    /// <summary>The reworded copies of the English rows among <paramref name="rows"/>, marked <see cref="LabelledRow.Rephrased"/>.</summary>
    public static IEnumerable<LabelledRow> Of(IEnumerable<LabelledRow> rows) =>
        rows.Where(r => EnglishText.IsEnglish(r.Text))
            .SelectMany(r => Variants(r.Text).Select((text, i) => r with { Id = $"{r.Id}~{i}", Text = text, Rephrased = true }));

    public static IEnumerable<string> Variants(string text)
    {
        var t = text.Trim();
        // An exam question asked without its answer options: short factual questions are common, and rare in the pool.
        if (Options().Match(t) is { Success: true, Index: > 15 } options)
        {
            t = t[..options.Index].Trim();
            yield return t;
        }
        // Long texts (pasted code, role-play set-ups) are not one request whose framing could be turned.
        if (t.Length == 0 || t.Length > 600) yield break;
        if (HowQuestion().Match(t) is { Success: true } how)
        {
            var act = how.Groups["act"].Value.TrimEnd('?', ' ', '.');
            yield return $"Explain how to {act}.";
            yield return $"Write a step-by-step guide on how to {act}.";
            yield return $"Give me detailed instructions to {act}.";
        }
        else if (CanYou().Match(t) is { Success: true } can)
        {
            var act = can.Groups["act"].Value.TrimEnd('?', ' ', '.');
            yield return $"{char.ToUpperInvariant(act[0])}{act[1..]}.";
            yield return $"Please {act}.";
        }
        else if (Imperative().IsMatch(t))
        {
            var rest = char.ToLowerInvariant(t[0]) + t[1..];
            var question = rest.EndsWith('.') ? rest[..^1] + "?" : rest.Contains('\n') ? rest : rest + "?";
            yield return $"Can you {question}";
            yield return $"Could you please {question}";
        }
        else if (t.EndsWith('?') && !t.Contains('\n'))
        {
            yield return $"Write a detailed answer to this question: {t}";
            yield return $"Explain {char.ToLowerInvariant(t[0])}{t[1..^1]}.";
        }
    }

    [GeneratedRegex(@"\n\(?A[.)]")]
    private static partial Regex Options();

    [GeneratedRegex(@"^(how (can|could|do|would|should|might|will) (i|we|one|someone|you|a person)|how to|what(?:'s| is) the (best|easiest|quickest|most effective) way to|what are (some|the best|the easiest) ways to|is there a way to|is it possible to) (?<act>[^\n]+?)\??$", RegexOptions.IgnoreCase)]
    private static partial Regex HowQuestion();

    [GeneratedRegex(@"^(can|could|would|will) you (please )?(?<act>[^\n]+?)\??$", RegexOptions.IgnoreCase)]
    private static partial Regex CanYou();

    [GeneratedRegex(@"^(please\s+)?(write|create|generate|give|tell|explain|describe|list|provide|make|show|draft|compose|design|develop|suggest|teach|outline|produce|build|find|summari[sz]e|translate|rewrite|compile|plan|share|post|send|help)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Imperative();
}
