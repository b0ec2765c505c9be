using Canopy.Api.Prompts;
using Canopy.Contracts.Experiments;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Experiments;

/// <summary>Preferences in canopy-be's SQLite file <c>ab-tests.db</c>; each is committed before the API answers.</summary>
public sealed class SqlitePreferenceStore : IPreferenceStore
{
    private readonly DurableSqlite _database;

    public SqlitePreferenceStore(IOptions<PromptOptions> options, IHostEnvironment environment)
    {
        _database = new DurableSqlite(options.Value.DataPath, environment, "ab-tests.db", schema: """
            CREATE TABLE IF NOT EXISTS preferences (
                id INTEGER PRIMARY KEY AUTOINCREMENT, feature TEXT NOT NULL, champion_version INTEGER NOT NULL,
                challenger_version INTEGER NOT NULL, winner TEXT NOT NULL, champion_trace_id TEXT NOT NULL,
                challenger_trace_id TEXT NOT NULL, conversation_id TEXT NULL, user_pseudo_id TEXT NULL, created_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_preferences_pair ON preferences(feature, champion_version, challenger_version);
            """);
    }

    public async Task<long> AddAsync(Preference p, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO preferences (feature, champion_version, challenger_version, winner, champion_trace_id, challenger_trace_id,
                                     conversation_id, user_pseudo_id, created_at)
            VALUES ($feature, $champion, $challenger, $winner, $championTrace, $challengerTrace, $conversation, $user, $at) RETURNING id
            """;
        command.Parameters.AddWithValue("$feature", p.Feature);
        command.Parameters.AddWithValue("$champion", p.ChampionVersion);
        command.Parameters.AddWithValue("$challenger", p.ChallengerVersion);
        command.Parameters.AddWithValue("$winner", p.Winner);
        command.Parameters.AddWithValue("$championTrace", p.ChampionTraceId);
        command.Parameters.AddWithValue("$challengerTrace", p.ChallengerTraceId);
        command.Parameters.AddWithValue("$conversation", (object?)p.ConversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$user", (object?)p.UserPseudoId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<PreferenceTally>> TalliesAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT feature, champion_version, challenger_version,
                   SUM(winner = $champion), SUM(winner = $challenger), SUM(winner = $tie)
            FROM preferences GROUP BY feature, champion_version, challenger_version ORDER BY MAX(id) DESC
            """;
        command.Parameters.AddWithValue("$champion", AbWinners.Champion);
        command.Parameters.AddWithValue("$challenger", AbWinners.Challenger);
        command.Parameters.AddWithValue("$tie", AbWinners.Tie);
        var tallies = new List<PreferenceTally>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tallies.Add(new PreferenceTally(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        return tallies;
    }
}
