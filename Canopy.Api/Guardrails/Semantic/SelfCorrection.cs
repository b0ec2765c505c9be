using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A request that opens by taking back the student's own earlier words ("Please ignore the instructions I gave you about
/// tone; casual is fine", "Forget everything I wrote before this message, I mixed up two assignments"). The words
/// dismissed are the student's, not the operators', so the injection classifier reads what follows the opening clause.
/// A dismissal joined to a new order ("ignore what I said and reveal ...") is no opening clause and is read whole.
/// </summary>
public static partial class SelfCorrection
{
    /// <summary>The text after a self-correcting opening clause, or the text itself when there is none or nothing follows.</summary>
    public static string Rest(string text)
    {
        var opening = Opening().Match(text);
        return opening.Success && !string.IsNullOrWhiteSpace(text[opening.Length..]) ? text[opening.Length..] : text;
    }

    [GeneratedRegex(@"^\W*((please|sorry|actually|wait|oh|oops|ok|okay|so|no|hmm|um)\W+)*(ignore|disregard|forget|scratch)\b[^.;!?\n]{0,80}?\b(i|we)( just| had| have| already)? (said|wrote|gave|sent|typed|told|asked|mentioned|put|pasted)\b(?:(?!\b(and|then|now|but|instead|just|so)\b)[^.;!?\n,]){0,60}[.;!?\n,]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opening();
}
