using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A short request of one sentence, folded and lower-cased: what the harm classifier's exceptions read, since a second
/// sentence after one that would pass could ask for anything.
/// </summary>
public static partial class OneSentenceRequest
{
    private const int MaxCharacters = 200;

    /// <summary>The request folded and lower-cased, or null when it is longer than one short sentence.</summary>
    public static string? Of(string text)
    {
        var lower = TextNormalizer.Fold(text).Trim().ToLowerInvariant();
        return lower.Length <= MaxCharacters && !SecondSentence().IsMatch(lower) ? lower : null;
    }

    [GeneratedRegex(@"[.!?;:]\s+\w")]
    private static partial Regex SecondSentence();
}
