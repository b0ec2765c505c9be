namespace Canopy.Contracts.Experiments;

/// <summary>
/// What <c>GET /api/ab-tests/{feature}</c> answers when a feature's A/B test runs (the <c>ab-testing</c> flag is on and the
/// feature has a challenger): the two versions. A turn then runs once per alias, each its own trace.
/// </summary>
public sealed record AbTestPlan(string Feature, int Champion, int Challenger);

/// <summary>Which of the two answers a student preferred: <c>champion</c>, <c>challenger</c> or <c>tie</c>.</summary>
public static class AbWinners
{
    public const string Champion = "champion";
    public const string Challenger = "challenger";
    public const string Tie = "tie";

    public static readonly IReadOnlyList<string> All = [Champion, Challenger, Tie];
}

/// <summary>One answer of the pair as its start event named it: the version, and the trace and span it was written in.</summary>
public sealed record AbAnswerRef(int? Version, string? TraceId, string? SpanId);

/// <summary>Body of <c>POST /api/ab-tests/{feature}/preferences</c>.</summary>
public sealed record PreferenceRequest(AbAnswerRef? Champion, AbAnswerRef? Challenger, string? Winner, string? ConversationId = null);

public sealed record PreferenceCreated(long Id);

/// <summary>
/// The preferences of one feature and pair of versions: wins, ties and count, the challenger's share of the decided votes with
/// its 95% Wilson interval, and the verdict (<c>challenger</c>, <c>champion</c> or <c>unclear</c>).
/// </summary>
public sealed record AbTestResult(
    string Feature, int Champion, int Challenger, int ChampionWins, int ChallengerWins, int Ties, int Count,
    double? ChallengerShare, double? Low, double? High, string Verdict);
