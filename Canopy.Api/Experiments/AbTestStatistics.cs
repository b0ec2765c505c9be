using Canopy.Contracts.Experiments;

namespace Canopy.Api.Experiments;

/// <summary>
/// Reads a tally: the challenger's share of the decided votes (ties left out) with its 95% Wilson score interval; a side wins
/// when the interval lies wholly on its side of one half and enough votes were decided.
/// </summary>
public static class AbTestStatistics
{
    private const double Z = 1.959963984540054;

    public static AbTestResult Result(PreferenceTally t, int minimumDecidedVotes)
    {
        var decided = t.ChampionWins + t.ChallengerWins;
        var count = decided + t.Ties;
        if (decided == 0)
            return new AbTestResult(t.Feature, t.ChampionVersion, t.ChallengerVersion, t.ChampionWins, t.ChallengerWins, t.Ties, count, null, null, null, "unclear");
        var (low, high) = Wilson(t.ChallengerWins, decided);
        var verdict = decided < minimumDecidedVotes ? "unclear" : low > 0.5 ? AbWinners.Challenger : high < 0.5 ? AbWinners.Champion : "unclear";
        return new AbTestResult(t.Feature, t.ChampionVersion, t.ChallengerVersion, t.ChampionWins, t.ChallengerWins, t.Ties, count,
            Math.Round((double)t.ChallengerWins / decided, 4), Math.Round(low, 4), Math.Round(high, 4), verdict);
    }

    /// <summary>The 95% Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static (double Low, double High) Wilson(int successes, int trials)
    {
        var p = (double)successes / trials;
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        var margin = Z * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return (Math.Max(0, centre - margin), Math.Min(1, centre + margin));
    }
}
