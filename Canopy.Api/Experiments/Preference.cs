namespace Canopy.Api.Experiments;

/// <summary>A student's choice between the champion's and the challenger's answers to one question, with both traces.</summary>
public sealed record Preference(
    string Feature, int ChampionVersion, int ChallengerVersion, string Winner, string ChampionTraceId, string ChallengerTraceId,
    string? ConversationId, string? UserPseudoId);

/// <summary>The votes of one feature and pair of versions.</summary>
public sealed record PreferenceTally(string Feature, int ChampionVersion, int ChallengerVersion, int ChampionWins, int ChallengerWins, int Ties);

/// <summary>Where preferences are kept; SQLite here, a server database when canopy-be runs as several replicas.</summary>
public interface IPreferenceStore
{
    Task<long> AddAsync(Preference preference, CancellationToken cancellationToken);

    /// <summary>The tallies per feature and pair of versions, newest pair first.</summary>
    Task<IReadOnlyList<PreferenceTally>> TalliesAsync(CancellationToken cancellationToken);
}
