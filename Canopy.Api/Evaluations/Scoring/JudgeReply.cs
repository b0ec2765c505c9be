using System.Globalization;
using System.Text.RegularExpressions;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>Reads a judge model's reply defensively: the first rating or verdict in it, and its reason line when there is one.</summary>
public static partial class JudgeReply
{
    /// <summary>The rating 1-5 after "Score:" (or else the first lone digit 1-5), or null when the reply has none.</summary>
    public static int? Rating(string reply) =>
        (ScoreLine().Match(reply) is { Success: true } m ? m : LoneDigit().Match(reply)) is { Success: true } found
            ? int.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>True for YES, false for NO after "Verdict:" (or else the first lone yes/no), null when the reply has neither.</summary>
    public static bool? Verdict(string reply) =>
        (VerdictLine().Match(reply) is { Success: true } m ? m : LoneYesNo().Match(reply)) is { Success: true } found
            ? found.Groups[1].Value.Equals("yes", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>The text after "Reason:", or the reply's first line, shortened to one line.</summary>
    public static string Reason(string reply)
    {
        var reason = ReasonLine().Match(reply) is { Success: true } m ? m.Groups[1].Value : reply.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        reason = Regex.Replace(reason, @"\s+", " ").Trim();
        return reason.Length <= 240 ? reason : reason[..237] + "...";
    }

    [GeneratedRegex(@"score\W{0,3}([1-5])\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreLine();

    [GeneratedRegex(@"(?<![\d.])([1-5])(?![\d.])")]
    private static partial Regex LoneDigit();

    [GeneratedRegex(@"verdict\W{0,3}(yes|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictLine();

    [GeneratedRegex(@"\b(yes|no)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LoneYesNo();

    [GeneratedRegex(@"reason\s*:\s*(.+)", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonLine();
}
