using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// Cheap signals that pooled token vectors cannot carry: size, gibberish and hidden payloads, and how a request is
/// framed (an exam question with options, a how-to, first person, evasion, role-play, refusal suppression), and the
/// hazards it names (<see cref="HazardTerms"/>).
/// </summary>
public static partial class TextSignals
{
    private static readonly string[] Own =
    [
        "length", "unknown_tokens", "word_pieces", "symbols", "encoded_payload", "obfuscated", "answer_options",
        "how_to", "first_person", "imperative", "question", "evasion", "role_play", "refusal_suppression", "digits",
    ];

    public static readonly string[] Names = [.. Own, .. HazardTerms.Names];

    public static int Count => Names.Length;

    /// <summary>How many of the signals come first and describe framing and form, before the hazard signals.</summary>
    public static int FramingCount => Own.Length;

    /// <summary>Writes the signals of <paramref name="text"/> (already folded as <paramref name="folded"/>, tokenised as <paramref name="ids"/>).</summary>
    public static void Write(string text, string folded, IReadOnlyList<int> ids, MiniLmTokens tokens, Span<float> into)
    {
        var count = Math.Max(1, ids.Count);
        int unknown = 0, pieces = 0;
        foreach (var id in ids)
        {
            if (id == tokens.UnknownId) unknown++;
            else if (tokens.IsContinuation(id)) pieces++;
        }
        int symbols = 0, digits = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c)) digits++;
            else if (!char.IsLetter(c) && !char.IsWhiteSpace(c)) symbols++;
        }
        var length = Math.Max(1, text.Length);
        var lower = folded;
        var words = Math.Max(1, Word().Count(lower));
        into[0] = MathF.Log(1 + count) / MathF.Log(512);
        into[1] = unknown / (float)count;
        into[2] = pieces / (float)count;
        into[3] = symbols / (float)length;
        into[4] = EncodedPayloads.Decode(text).Any() ? 1 : 0;
        into[5] = TextNormalizer.DeobfuscateFolded(folded) == folded ? 0 : 1;
        into[6] = AnswerOptions().IsMatch(text) ? 1 : 0;
        into[7] = HowTo().IsMatch(lower) ? 1 : 0;
        into[8] = MathF.Min(1, FirstPerson().Count(lower) * 5f / words);
        into[9] = Imperative().IsMatch(lower) ? 1 : 0;
        into[10] = text.TrimEnd().EndsWith('?') ? 1 : 0;
        into[11] = Evasion().IsMatch(lower) ? 1 : 0;
        into[12] = RolePlay().IsMatch(lower) ? 1 : 0;
        into[13] = RefusalSuppression().IsMatch(lower) ? 1 : 0;
        into[14] = digits / (float)length;
        HazardTerms.Write(lower, into[7] > 0 || into[9] > 0, into[Own.Length..]);
    }

    /// <summary>
    /// Whether folded, lower-case <paramref name="lower"/> has a request's form: how to, a task verb first, evasion,
    /// role-play or refusal suppression. An order between people in a story or a speech ("Tell him I'm out", "Find the
    /// thing nobody wants to fix") opens with a verb of talk, not of a task.
    /// </summary>
    public static bool HasRequestForm(string lower) =>
        HowTo().IsMatch(lower) || TaskVerb().IsMatch(lower) || Evasion().IsMatch(lower) || RolePlay().IsMatch(lower) || RefusalSuppression().IsMatch(lower);

    [GeneratedRegex(@"^\W*(please\s+)?(write|create|generate|give|explain|describe|list|provide|draft|compose|design|develop|suggest|teach|outline|produce|build|summari[sz]e|translate|rewrite)\b")]
    private static partial Regex TaskVerb();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    // "A. … B. …", "(A) … (B)", "A) … B)" as in a multiple-choice question.
    [GeneratedRegex(@"(?:^|\s)\(?A[.)]\s.+?\s\(?B[.)]\s", RegexOptions.Singleline)]
    private static partial Regex AnswerOptions();

    [GeneratedRegex(@"\bhow (do|can|could|would|should|might|to|much|many)\b|\b(ways|steps|instructions|tips|guide|tutorial|method)s? (to|for|on)\b|\bbest way\b")]
    private static partial Regex HowTo();

    [GeneratedRegex(@"\b(i|i'm|i've|i'd|me|my|mine|myself|we|us|our)\b")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"^\W*(please\s+)?(write|create|generate|give|tell|explain|describe|list|provide|make|show|help|draft|compose|design|develop|suggest|teach|outline|produce|build|find|summari[sz]e|translate|rewrite)\b")]
    private static partial Regex Imperative();

    [GeneratedRegex(@"\bwithout (getting |being )?(caught|detected|traced|noticed|seen|found)\b|\bundetect(ed|able)\b|\buntraceabl[ey]\b|\banonymous(ly)?\b|\bget away with\b|\bcover (up|my tracks)\b|\bavoid (detection|the police|getting caught)\b|\bno one (will|would) (know|find out)\b")]
    private static partial Regex Evasion();

    [GeneratedRegex(@"\b(imagine|pretend|role-?play|hypothetical(ly)?|fictional|fiction|in a story|screenplay|novel|character|act as|you are now|you're now|from now on)\b")]
    private static partial Regex RolePlay();

    [GeneratedRegex(@"\b(do not|don't|never) (refuse|apologi[sz]e|say (you|that you) can'?t|mention|warn|add (any )?(warnings?|disclaimers?))\b|\bno (warnings|disclaimers|moral|ethics|filters?|restrictions|limits)\b|\b(begin|start) (your )?(response|reply|answer) with\b|\bsure,? here\b|\bwithout (any )?(restrictions|limits|filters|censorship|warnings)\b")]
    private static partial Regex RefusalSuppression();
}
