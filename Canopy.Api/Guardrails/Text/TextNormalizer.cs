using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Text;

/// <summary>Undoes common obfuscations (homoglyphs, leetspeak, spaced letters, repeated letters) so patterns see the plain words.</summary>
public static partial class TextNormalizer
{
    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        ['а'] = 'a', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j',
        ['ѕ'] = 's', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['һ'] = 'h', ['ӏ'] = 'l', ['в'] = 'b', ['к'] = 'k', ['м'] = 'm',
        ['н'] = 'h', ['т'] = 't', ['α'] = 'a', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p',
        ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ɡ'] = 'g', ['ı'] = 'i',
    };

    private static readonly Dictionary<char, char> Leet = new()
    {
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['8'] = 'b', ['@'] = 'a', ['$'] = 's',
    };

    private static readonly System.Buffers.SearchValues<char> LeetCharacters = System.Buffers.SearchValues.Create([.. Leet.Keys]);

    /// <summary>The letter a leetspeak digit or symbol stands for ('4' is 'a'), or the character itself.</summary>
    public static char AsLetter(char c) => Leet.GetValueOrDefault(c, c);

    /// <summary>Compatibility-folded, lower-case, homoglyphs mapped, invisible characters removed, whitespace collapsed.</summary>
    public static string Fold(string text)
    {
        // Plain ASCII, most text here, has no compatibility forms, homoglyphs or invisible characters to undo.
        if (System.Text.Ascii.IsValid(text)) return CollapseWhitespace(text.ToLowerInvariant());
        var normal = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normal.Length);
        foreach (var raw in normal)
        {
            var category = char.GetUnicodeCategory(raw);
            if (category == UnicodeCategory.Format) continue;
            var c = char.ToLowerInvariant(raw);
            sb.Append(Homoglyphs.GetValueOrDefault(c, c));
        }
        return CollapseWhitespace(sb.ToString());
    }

    private static string CollapseWhitespace(string text)
    {
        // Single spaces between words, the common case, need no new string.
        var plain = true;
        for (var i = 0; i < text.Length && plain; i++)
            plain = !char.IsWhiteSpace(text[i]) || text[i] == ' ' && i > 0 && i < text.Length - 1 && text[i + 1] != ' ';
        return plain ? text : Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Fold plus leetspeak inside words, spaced or separated letters joined, and runs of three or more letters shortened.</summary>
    public static string Deobfuscate(string text) => DeobfuscateFolded(Fold(text));

    /// <summary><see cref="Deobfuscate"/> of a text already given by <see cref="Fold"/>.</summary>
    public static string DeobfuscateFolded(string folded)
    {
        // Most words hold no leetspeak character, and most texts no word that does: they are kept as they are.
        var unleet = folded.AsSpan().IndexOfAny(LeetCharacters) < 0 ? folded : LeetWord().Replace(folded, m => m.ValueSpan.IndexOfAny(LeetCharacters) >= 0
            ? new string([.. m.Value.Select(c => Leet.GetValueOrDefault(c, c))])
            : m.Value);
        var joined = SpacedLetters().Replace(unleet, m => new string([.. m.Value.Where(char.IsLetter)]));
        return Repeats().Replace(joined, "$1");
    }

    /// <summary>Every repeated letter reduced to one, for lexicon matching that tolerates stretched words ("haaate", "kiiill").</summary>
    public static string Squeeze(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (sb.Length > 0 && sb[^1] == c && char.IsLetter(c)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The distinct views of a text worth matching: as folded, and deobfuscated.</summary>
    public static IReadOnlyList<string> Views(string text)
    {
        var folded = Fold(text);
        var plain = DeobfuscateFolded(folded);
        return plain == folded ? [folded] : [folded, plain];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A word made of letters mixed with digits or symbols commonly used as letters.
    [GeneratedRegex(@"(?<![\w@$])[\p{L}0-9@$]*[\p{L}][\p{L}0-9@$]*(?![\w@$])")]
    private static partial Regex LeetWord();

    // At least three single letters separated by one space or separator character: "i g n o r e", "h.a.t.e".
    [GeneratedRegex(@"(?<![\p{L}])\p{L}(?:[ .\-_*]\p{L}){2,}(?![\p{L}])")]
    private static partial Regex SpacedLetters();

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex Repeats();
}
