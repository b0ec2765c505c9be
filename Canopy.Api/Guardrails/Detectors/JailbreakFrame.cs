using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>
/// The frame of an English jailbreak, by the moves such prompts are known to make, whatever they then ask: the model
/// told it may not refuse; its rules said to be off; its reply made to open by agreeing; a cost set on refusing; a
/// request to be assembled, decoded or translated and then carried out; a dead relative who "used to tell" how; a
/// transcript in which the assistant always agrees; a persona defined as the assistant's inverse; a claim of standing over
/// the assistant (its developer speaking, a privileged mode in effect); a request in leetspeak; or two kinds of caveat
/// forbidden at once. A persona or mode alone is a study exercise ("act as a patient
/// for my history-taking practice"); it counts only with a trait no tutor needs: free of rules, two answers, no caveats.
/// Written from those moves and revised on jailbreaks written for the repository; its figures, in-sample and not, are
/// in docs/guardrails-history.md ("Jailbreak frames").
/// </summary>
public static partial class JailbreakFrame
{
    /// <summary>The frames found in <paramref name="text"/>, empty when it reads as no jailbreak.</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        var prepared = Prepare(text);
        List<string> found = [];
        foreach (var cue in Strong)
            if (!found.Contains(cue.Name) && cue.IsIn(prepared)) found.Add(cue.Name);
        foreach (var cue in AuthorityCues)
            if (cue.IsIn(prepared)) { found.Add(cue.Name); break; }
        var suppressed = SuppressedCaveats(prepared);
        if (suppressed >= 2) found.Add("caveats_forbidden");
        if (IsLeetspeak(text)) found.Add("leetspeak");
        if (prepared.Contains(':') && IsCompliantTranscript(prepared)) found.Add("compliant_transcript");
        if ((PersonaCue.IsIn(prepared) || AssembleThenAnswerCue.IsIn(prepared)) && (suppressed >= 1 || LawlessCue.IsIn(prepared) || DualOutputCue.IsIn(prepared)))
            found.Add("lawless_persona");
        return found;
    }

    /// <summary>Lower case, straight quotes, single spaces.</summary>
    public static string Prepare(string text) =>
        Spaces().Replace(text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"'), " ").ToLowerInvariant();

    // Distinct caveats (warnings, disclaimers, hotlines, the law ...) listed after a negation, and
    // "don't moralise" or "don't lecture" said outright.
    private static int SuppressedCaveats(string prepared)
    {
        HashSet<string> kinds = [];
        foreach (Match negation in Negation().Matches(prepared))
        {
            var rest = prepared.AsSpan(negation.Index + negation.Length);
            var end = rest.IndexOfAny(".!?\n");
            var list = rest[..Math.Min(end < 0 ? rest.Length : end, 120)].ToString();
            // A list: each caveat within two words of the negation or of the caveat before it.
            var from = 0;
            foreach (Match caveat in Caveat().Matches(list))
            {
                if (Words().Count(list[from..caveat.Index]) > 2) break;
                kinds.Add(Kind(caveat));
                from = caveat.Index + caveat.Length;
            }
        }
        foreach (Match scold in Scolding().Matches(prepared)) kinds.Add(Kind(scold));
        return kinds.Count;
    }

    // "Moralising" and "morals", "lecture" and "lecturing" are one kind each.
    private static string Kind(Match caveat)
    {
        var kind = caveat.Groups["kind"].Value;
        return kind[..Math.Min(5, kind.Length)];
    }

    // Six or more words with digits for letters ("m4k3", "h0w"), at least three in ten: chemical formulas and code
    // are upper case or single letters with numbers ("H2SO4", "x1"), and quantities are numbers then units ("10mg").
    private static bool IsLeetspeak(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0) return false;
        var words = Words().Matches(text);
        var leet = words.Count(w => LeetWord().IsMatch(w.Value) && !Quantity().IsMatch(w.Value));
        return leet >= MinLeetWords && leet >= 0.3 * words.Count;
    }

    private const int MinLeetWords = 6;

    // A dialogue in which one speaker agrees to at least two questions ("A: Sure, ..."): the pattern a many-shot
    // prompt sets for the model to continue. A language exercise's "B: Sure!" answers no "how".
    private static bool IsCompliantTranscript(string prepared)
    {
        var agreeing = Agreement().Matches(prepared).GroupBy(m => m.Groups["label"].Value).Any(g => g.Count() >= 2);
        return agreeing && Asking().Count(prepared) >= 2;
    }
}
