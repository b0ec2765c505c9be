using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Finds a request that ends in an adversarial suffix: a run of tokens searched for by an optimiser to make a model
/// comply, which reads as gibberish (words glued to brackets and slashes, camel-cased joins, clusters of symbols).
/// Only the last line is read, and only when it opens as prose, so pasted code and tables do not look like one.
/// </summary>
public sealed partial class AdversarialSuffixDetector : IGuardrailDetector
{
    public const string DetectorName = "adversarial_suffix";

    /// <summary>Share of odd tokens in the tail at which a suffix is reported; chosen on the training pool's benign rows.</summary>
    public const double MinOddShare = 0.35;

    private const int MinOddTokens = 4;
    private const int TailTokens = 24;
    private const int MinWindow = 8;

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        var share = OddShare(text);
        return share >= MinOddShare ? [new Detection(Name, "adversarial_suffix", Math.Min(1, share), GuardrailAction.Block)] : [];
    }

    /// <summary>
    /// The highest share of odd tokens over the last 8 to 24 tokens of the text's last line (with at least four odd
    /// ones), or 0 when the line does not open as prose, or holds mathematics or code.
    /// </summary>
    public static double OddShare(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        var line = trimmed[(trimmed.LastIndexOf('\n') + 1)..].ToString();
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < MinWindow + 3 || tokens.Take(4).Count(IsPlainWord) < 3 || LooksLikeMathematics(line) || LooksLikeCode(line)) return 0;
        double best = 0;
        var odd = 0;
        for (var k = 1; k <= Math.Min(TailTokens, tokens.Length - 3); k++)
        {
            if (IsOdd(tokens[^k])) odd++;
            if (k >= MinWindow && odd >= MinOddTokens) best = Math.Max(best, odd / (double)k);
        }
        return best;
    }

    // TeX in a question ($x^2$, \frac{a}{b}) and logic notation ((∀x)(Lx ⊃ Bx)) are full of symbols and are no attack.
    private static bool LooksLikeMathematics(string line) =>
        line.Count(c => c == '$') >= 2 || TexCommand().IsMatch(line) || line.Count(c => c is >= '\u2200' and <= '\u22ff') >= 2;

    // Code pasted after a question ("fix this: String q = \"...\" + user;") has statements and a language's keywords.
    private static bool LooksLikeCode(string line) => CodeKeyword().IsMatch(line) && CodeStatement().Count(line) >= 2;

    [GeneratedRegex(@"\b(return|int|void|String|string|char|bool|boolean|float|double|var|const|def|elif|namespace|#include|printf|println|console\.log|null|nullptr|None|True|False|true|false|self|public|private|static|function|import|std|cout|lambda|await)\b")]
    private static partial Regex CodeKeyword();

    // A statement's end, a comparison or increment, an assignment, a call with no arguments, or a block.
    [GeneratedRegex(@";(?!\w)|==|!=|\+=|\+\+|\s=\s|\w\(\)|\{\s|\s\}")]
    private static partial Regex CodeStatement();

    [GeneratedRegex(@"\\(frac|vec|sum|int|sqrt|left|right|begin|end|cdot|times|leq|geq|alpha|beta|pi|theta|mathbf|mathrm|text)\b")]
    private static partial Regex TexCommand();

    private static bool IsPlainWord(string token)
    {
        var core = token.Trim(Edges);
        return core.Length > 0 && core.All(c => char.IsLetter(c) || c is '\'' or '-' or '’');
    }

    internal static readonly char[] Edges = ['"', '\'', '(', ')', '[', ']', '.', ',', '!', '?', ';', ':', '“', '”', '‘', '’'];

    /// <summary>A token prose does not make: letters glued to symbols, a camel-cased join, or a cluster of symbols.</summary>
    public static bool IsOdd(string token)
    {
        var core = token.Trim(Edges);
        if (core.Length == 0) return token.Length >= 2 && token is not ("..." or "--" or "?!" or "!!");
        // Numbers with units, versions, addresses and times are technical, not optimised noise.
        if (core.Any(char.IsDigit)) return false;
        int letters = 0, symbols = 0;
        var camel = false;
        for (var i = 0; i < core.Length; i++)
        {
            var c = core[i];
            if (char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                letters++;
                if (i > 1 && char.IsUpper(c) && char.IsLower(core[i - 1]) && char.IsLower(core[i - 2])) camel = true;
            }
            else if (!char.IsDigit(c) && c is not ('-' or '\'' or '’')) symbols++;
        }
        if (letters == 0) return symbols >= 2;
        return camel || (symbols > 0 && !IsOrdinaryCompound(core));
    }

    // Shapes prose and technical questions do use: and/or, R&D, e-mail and web addresses, file names, paths,
    // snake_case names, 3.5 and U.S.A.
    private static bool IsOrdinaryCompound(string core) =>
        core.Contains("://", StringComparison.Ordinal) || core.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || (core.Count(c => c == '@') == 1 && core.Contains('.'))
        || (core.All(c => char.IsLetterOrDigit(c) || c is '.' or '/' or '_') && !core.Contains("..", StringComparison.Ordinal))
        || (core.All(c => char.IsLetter(c) || c is '&' or '+') && core.Length <= 4);
}
