using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Whose view a hostile sentence states. Counter-speech ("how can you say ..."), a view reported as someone else's
/// ("propaganda portrayed Jews as vermin") and hostility named as what it is ("calling refugees parasites is
/// dehumanising") are not the speaker's; a denial ("that's not racist", "I'm not a bigot, but"), an endorsement after
/// the naming ("offensive to say but true") or a crowd the speaker hides in ("people say ...") makes it the speaker's again.
/// </summary>
internal readonly partial record struct HapStance(bool Counter, bool NotTheSpeakers)
{
    public static HapStance Of(string[] tokens, string joined, string unit)
    {
        // A question asks about a denial or an endorsement rather than making one.
        var question = unit.Contains('?');
        var denied = !question && Denied(tokens, joined);
        var endorsedAt = question ? -1 : Endorsed().Match(joined) is { Success: true } m ? m.Index : -1;
        var owned = denied || endorsedAt >= 0;
        var counter = !owned && (HapLexicon.Counter.Any(c => Said(joined, c)) || unit.Contains('"') || unit.Contains('“'));
        var reported = !owned && Reported(tokens, joined, question);
        var condemned = !denied && NamedAt(tokens, joined) > endorsedAt;
        return new HapStance(counter, counter || reported || condemned);
    }

    // Told as someone else's view, as history tells it: not the speaker's, unless the speaker speaks too or sides with it
    // ("as my grandfather argued", "rightly"). A crowd ("people say", "everyone knows") is the speaker's cover unless the
    // sentence asks about it or answers it ("Some people say ..., but the evidence shows otherwise").
    private static bool Reported(string[] tokens, string joined, bool question) =>
        Reporting().IsMatch(joined)
        && (question || CrowdSays().Match(joined) is not { Success: true } crowd || joined.IndexOf(" but ", crowd.Index, StringComparison.Ordinal) >= 0)
        && !tokens.Any(t => t is "i" or "we" or "i'm" or "im" or "me" or "my" or "us" or "our" or "let's" or "right" or "rightly" or "correct"
            or "correctly" or "true" or "agree" or "agreed");

    // Where hostility is last named as what it is, not denied ("is dehumanising", "is it hate speech to say ..."); -1 if nowhere.
    private static int NamedAt(string[] tokens, string joined)
    {
        var at = -1;
        var speech = joined.LastIndexOf(" hate speech ", StringComparison.Ordinal);
        if (speech >= 0 && !joined.Contains(" not hate speech ", StringComparison.Ordinal)) at = speech;
        var offset = 0;
        for (var i = 0; i < tokens.Length; offset += tokens[i].Length + 1, i++)
            if (IsNaming(tokens[i]) && !HapDetector.Negated(tokens, i)) at = Math.Max(at, offset);
        return at;
    }

    // The naming denied and nowhere affirmed: "that's not racist", "it is not hate speech to say ...".
    private static bool Denied(string[] tokens, string joined) =>
        (joined.Contains(" not hate speech ", StringComparison.Ordinal) || Enumerable.Range(0, tokens.Length).Any(i => IsNaming(tokens[i]) && HapDetector.Negated(tokens, i)))
        && NamedAt(tokens, joined) < 0;

    private static bool IsNaming(string token) => HapLexicon.Condemnation.Any(token.StartsWith);

    // A counter-speech phrase, long ones also as a word's start; a judgement ("bigot", "is wrong") not when a negation comes
    // just before it ("not a bigot"), while "I never said that" still reports rather than endorses.
    private static bool Said(string joined, string phrase)
    {
        for (var at = joined.IndexOf(" " + phrase, StringComparison.Ordinal); at >= 0; at = joined.IndexOf(" " + phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + 1 + phrase.Length;
            if (joined[end] != ' ' && phrase.Length <= 6) continue;
            if (!HapLexicon.Judgements.Contains(phrase)) return true;
            var before = joined[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(3);
            if (!before.Any(t => HapLexicon.Negations.Contains(t) || t.EndsWith("n't"))) return true;
        }
        return false;
    }

    [GeneratedRegex(@" (portrayed|portrays|depicted|depicts|described|describes|claimed|claims|argued|argues|argue|ordered that|decreed that|demanded that|proposed that|ruled that|alleged|alleges|asserted|asserts|insisted|insists|maintained|maintains|believed|believes|call|calls|calling|describe|describing|say|says|said|saying|claiming|label|labels|labelling|labeling|brand|brands|branding|held that|holds that|wrote that|writes that|warned that|declared|declares|called|branded|labelled|labeled|propaganda|ideology|stereotypes?|myths?|conspiracy theories|conspiracy theory|a belief that|the belief that|the view that|the idea that|rhetoric|slogans?) ")]
    private static partial Regex Reporting();

    [GeneratedRegex(@" (people|some|many|everyone|everybody|they|others|folks) (say|says|claim|claims|believe|believes|know|knows|think|thinks|call|calls|agree|agrees|ha(ve|s) (said|argued|claimed|known)) ")]
    private static partial Regex CrowdSays();

    // Siding with the view: "and it's true", "just a fact", "they are right" (but not "not true", "isn't right").
    [GeneratedRegex(@"(?<!( not| never|n't|no)( (so|quite|really|entirely|exactly))?) (true|accurate|correct|rightly|agree|agreed|a fact|just facts|the truth|(is|are|was|were|be|\w+'re) right) ")]
    private static partial Regex Endorsed();
}
