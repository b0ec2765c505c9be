using Canopy.Api.Experiments;

namespace Canopy.UnitTests.Api;

public sealed class AbTestStatisticsTests
{
    [Theory]
    // Reference values of the 95% Wilson score interval.
    [InlineData(8, 10, 0.4902, 0.9433)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    public void The_interval_is_the_wilson_score_interval(int wins, int trials, double low, double high)
    {
        var (l, h) = AbTestStatistics.Wilson(wins, trials);

        Assert.Equal(low, l, 3);
        Assert.Equal(high, h, 3);
    }

    [Theory]
    [InlineData(9, 1, 0, "unclear")]      // lopsided, but too few votes
    [InlineData(25, 5, 7, "challenger")]  // ties left out: 25 of 30 decided
    [InlineData(4, 26, 0, "champion")]
    [InlineData(16, 14, 3, "unclear")]
    [InlineData(0, 0, 4, "unclear")]      // ties only
    public void A_winner_is_declared_only_when_the_interval_lies_on_one_side_of_a_half(int challenger, int champion, int ties, string verdict)
    {
        var result = AbTestStatistics.Result(new PreferenceTally("summarize", 1, 2, champion, challenger, ties), minimumDecidedVotes: 20);

        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(challenger + champion + ties, result.Count);
        if (challenger + champion > 0) Assert.InRange(result.ChallengerShare!.Value, result.Low!.Value, result.High!.Value);
        else Assert.Null(result.ChallengerShare);
    }
}
