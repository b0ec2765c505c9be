using System.Globalization;
using Canopy.Contracts.Experiments;

namespace Canopy.Web.Experiments;

/// <summary>An A/B test result in words for the results page.</summary>
public static class AbResultText
{
    public const string ChallengerVerdict = "challenger";
    public const string ChampionVerdict = "champion";

    public static string Verdict(string? verdict) => verdict switch
    {
        ChallengerVerdict => "Challenger is better",
        ChampionVerdict => "Champion is better",
        _ => "No clear winner yet",
    };

    /// <summary>The challenger's share of the decided votes with its 95% interval, e.g. "62% (95% interval: 41%–79%)".</summary>
    public static string Share(AbTestResult result) => result.ChallengerShare is not { } share
        ? "No decided votes yet"
        : result is { Low: { } low, High: { } high }
            ? $"{Percent(share)} (95% interval: {Percent(low)}–{Percent(high)})"
            : Percent(share);

    private static string Percent(double value) => value.ToString("0%", CultureInfo.InvariantCulture);
}
