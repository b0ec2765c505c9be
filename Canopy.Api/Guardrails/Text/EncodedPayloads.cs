using System.Text;
using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Text;

/// <summary>Finds base64 and hex runs that decode to readable text, so hidden instructions can be checked too.</summary>
public static partial class EncodedPayloads
{
    public static IEnumerable<string> Decode(string text)
    {
        foreach (Match m in Base64().Matches(text))
        {
            var value = m.Value.TrimEnd('=');
            var padded = value.PadRight(value.Length + (4 - value.Length % 4) % 4, '=');
            byte[] bytes;
            try { bytes = Convert.FromBase64String(padded); }
            catch (FormatException) { continue; }
            if (Readable(bytes) is { } decoded) yield return decoded;
        }
        foreach (Match m in Hex().Matches(text))
        {
            var bytes = Convert.FromHexString(m.Value.Length % 2 == 0 ? m.Value : m.Value[..^1]);
            if (Readable(bytes) is { } decoded) yield return decoded;
        }
    }

    // Decoded bytes count only when they are mostly printable text with spaces, as an instruction would be.
    private static string? Readable(byte[] bytes)
    {
        if (bytes.Length < 8) return null;
        string decoded;
        try { decoded = new UTF8Encoding(false, true).GetString(bytes); }
        catch (ArgumentException) { return null; }
        var printable = decoded.Count(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
        return printable >= decoded.Length * 0.95 && decoded.Contains(' ') ? decoded : null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/])")]
    private static partial Regex Base64();

    [GeneratedRegex(@"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){8,}(?![0-9A-Fa-f])")]
    private static partial Regex Hex();
}
