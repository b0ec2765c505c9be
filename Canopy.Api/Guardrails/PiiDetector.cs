using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>Finds personal data (e-mail, phone, payment card, US SSN, IBAN, IP address) so it can be redacted.</summary>
public sealed partial class PiiDetector : IGuardrailDetector
{
    public string Name => "pii";

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Output };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        var found = new List<Detection>();
        Add(found, Email(), text, "email");
        Add(found, Card(), text, "card_number", m => Luhn(m.Value));
        Add(found, Iban(), text, "iban");
        Add(found, Ssn(), text, "ssn");
        Add(found, IpV4(), text, "ip_address", m => m.Value.Split('.').All(p => int.Parse(p) <= 255));
        Add(found, Phone(), text, "phone", m => m.Value.Count(char.IsDigit) is >= 7 and <= 15 && !IsoDate().IsMatch(m.Value));
        return RemoveOverlaps(found);
    }

    private void Add(List<Detection> found, Regex pattern, string text, string category, Func<Match, bool>? accept = null)
    {
        foreach (Match match in pattern.Matches(text))
        {
            if (accept is null || accept(match))
                found.Add(new Detection(Name, category, 1.0, GuardrailAction.Redact, match.Index, match.Length));
        }
    }

    // The first pattern to claim a span wins, so a card number is not also reported as a phone number.
    private static IEnumerable<Detection> RemoveOverlaps(List<Detection> found)
    {
        var kept = new List<Detection>();
        foreach (var d in found)
        {
            if (!kept.Any(k => d.Start < k.Start + k.Length && k.Start < d.Start + d.Length)) kept.Add(d);
        }
        return kept.OrderBy(d => d.Start);
    }

    internal static bool Luhn(string candidate)
    {
        var digits = candidate.Where(char.IsDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:\d[ -]?){12,18}\d\b")]
    private static partial Regex Card();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")]
    private static partial Regex Iban();

    [GeneratedRegex(@"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"\b(?:\d{1,3}\.){3}\d{1,3}\b")]
    private static partial Regex IpV4();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\w.])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?![\w.])")]
    private static partial Regex Phone();
}
