using System.Globalization;
using Canopy.Contracts.Experiments;

namespace Canopy.Web.Experiments;

/// <summary>An A/B test result in words for the results page; canopy-be's verdict is <c>challenger</c>, <c>champion</c> or <c>unclear</c>.</summary>
public static class AbResultText
{
    public static string Verdict(string? verdict) => verdict switch
    {
        AbWinners.Challenger => "Challenger is better",
        AbWinners.Champion => "Champion is better",
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
