using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>Finds personal data (e-mail, phone, payment card, US SSN, IBAN, IPv4/IPv6 address) so it can be redacted.</summary>
public sealed partial class PiiDetector : IGuardrailDetector
{
    public const string DetectorName = "pii";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Output };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        var found = new List<Detection>();
        Add(found, Email(), text, "email");
        Add(found, Iban(), text, "iban", m => IbanChecksum(m.Value));
        Add(found, Card(), text, "card_number", m => CardNumber(m.Value));
        Add(found, Ssn(), text, "ssn");
        Add(found, IpV4(), text, "ip_address", m => IPAddress.TryParse(m.Value, out _) && m.Value.Split('.').All(p => int.Parse(p) <= 255));
        Add(found, IpV6Candidate(), text, "ip_address", m => IpV6(m.Value));
        Add(found, Phone(), text, "phone", m => PhoneNumber(m.Value));
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
        if (digits.Length is < 12 or > 19) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    // 13-19 digits pass on the Luhn check; 12-digit numbers only for Maestro prefixes, where they exist.
    private static bool CardNumber(string candidate)
    {
        var digits = candidate.Where(char.IsDigit).ToArray();
        if (digits.Length == 12 && digits[0] is not ('5' or '6')) return false;
        return Luhn(candidate);
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to numbers, remainder mod 97 must be 1.</summary>
    internal static bool IbanChecksum(string candidate)
    {
        var compact = new string([.. candidate.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        if (compact.Length is < 15 or > 34) return false;
        var rearranged = compact[4..] + compact[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = char.IsDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    private static bool IpV6(string candidate) =>
        candidate.Count(c => c == ':') >= 2
        && (candidate.Contains("::") || candidate.Count(c => c == ':') == 7)
        && candidate.Any(char.IsAsciiHexDigit)
        && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool PhoneNumber(string candidate)
    {
        var main = Extension().Replace(candidate, "");
        var digits = main.Count(char.IsDigit);
        if (digits is < 7 or > 15) return false;
        if (DateLike().IsMatch(main.Trim())) return false;
        // A bare run of digits is a phone number only when it is as long as a full national number.
        return digits >= 10 || main.Any(c => c is ' ' or '-' or '.' or '(' or '+');
    }

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w-])(?:\d[ -]?){11,18}\d(?![\w-])")]
    private static partial Regex Card();

    [GeneratedRegex(@"\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\b")]
    private static partial Regex Iban();

    [GeneratedRegex(@"(?<![\w-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")]
    private static partial Regex IpV4();

    [GeneratedRegex(@"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")]
    private static partial Regex IpV6Candidate();

    [GeneratedRegex(@"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[.-]\d{1,2}[.-]\d{2,4}|\d{4}\.\d{2}\.\d{2})$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\s?(?:x|ext\.?)\s?\d{1,5}$")]
    private static partial Regex Extension();

    [GeneratedRegex(@"(?<![\w.+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,15}(?:[ .-]\(?\d{2,6}\)?){0,4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!\w|\.\d)")]
    private static partial Regex Phone();
}
