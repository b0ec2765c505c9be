using System.Text.RegularExpressions;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>Whether an answer says the course documents do not cover the question (the prompts ask for exactly that).</summary>
public static partial class Refusals
{
    public static bool IsRefusal(string answer) => Pattern().IsMatch(answer);

    [GeneratedRegex(@"\b(do(es)?\s*n[o']t\s+(cover|contain|mention|include|say|address|discuss)|(is|are)\s*n[o']t\s+(covered|mentioned|addressed|discussed)|could\s*n[o']t\s+find|cannot\s+find|can't\s+find|no\s+information|not\s+(covered|mentioned)\s+(in|by)|(cannot|can't)\s+answer|outside\s+(the\s+)?(scope|course))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
