using System.Globalization;
using Canopy.Contracts.Prompts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Prompts;

/// <summary>Prompt versions and aliases in canopy-be's SQLite file <c>prompts.db</c>; every write is committed before the API answers.</summary>
public sealed class SqlitePromptStore : IPromptStore
{
    private readonly DurableSqlite _database;

    public SqlitePromptStore(IOptions<PromptOptions> options, IHostEnvironment environment)
    {
        _database = new DurableSqlite(options.Value.DataPath, environment, "prompts.db", schema: """
            CREATE TABLE IF NOT EXISTS prompt_versions (
                feature TEXT NOT NULL, version INTEGER NOT NULL, system_prompt TEXT NOT NULL, temperature REAL NOT NULL,
                max_tokens INTEGER NOT NULL, model TEXT NULL, note TEXT NULL, created_at TEXT NOT NULL, created_by TEXT NULL,
                PRIMARY KEY (feature, version));
            CREATE TABLE IF NOT EXISTS prompt_aliases (
                feature TEXT NOT NULL, alias TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL,
                PRIMARY KEY (feature, alias));
            """);
    }

    public async Task SeedAsync(PromptDraft first, string feature, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO prompt_versions (feature, version, system_prompt, temperature, max_tokens, model, note, created_at, created_by)
            SELECT $feature, 1, $prompt, $temperature, $maxTokens, $model, $note, $at, NULL
            WHERE NOT EXISTS (SELECT 1 FROM prompt_versions WHERE feature = $feature);
            INSERT INTO prompt_aliases (feature, alias, version, updated_at)
            SELECT $feature, $champion, 1, $at WHERE NOT EXISTS (SELECT 1 FROM prompt_aliases WHERE feature = $feature AND alias = $champion);
            """;
        Bind(command, feature, first);
        command.Parameters.AddWithValue("$champion", PromptAliases.Champion);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PromptVersion>> VersionsAsync(string feature, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"{Select} WHERE feature = $feature ORDER BY version";
        command.Parameters.AddWithValue("$feature", feature);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<PromptVersion?> GetAsync(string feature, int version, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"{Select} WHERE feature = $feature AND version = $version";
        command.Parameters.AddWithValue("$feature", feature);
        command.Parameters.AddWithValue("$version", version);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<PromptVersion> AddAsync(string feature, PromptDraft draft, string? createdBy, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        // IMMEDIATE takes the write lock first, so two instructors creating at once get consecutive numbers.
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO prompt_versions (feature, version, system_prompt, temperature, max_tokens, model, note, created_at, created_by)
                VALUES ($feature, (SELECT COALESCE(MAX(version), 0) + 1 FROM prompt_versions WHERE feature = $feature),
                        $prompt, $temperature, $maxTokens, $model, $note, $at, $by)
                RETURNING version, created_at
                """;
            Bind(command, feature, draft);
            command.Parameters.AddWithValue("$by", (object?)createdBy ?? DBNull.Value);
            int version;
            string at;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                (version, at) = (reader.GetInt32(0), reader.GetString(1));
            }
            await using var commit = connection.CreateCommand();
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync(cancellationToken);
            return new PromptVersion(feature, version, draft.SystemPrompt, draft.Temperature, draft.MaxTokens, draft.Model, draft.Note, Parse(at), createdBy);
        }
        catch
        {
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task<IReadOnlyDictionary<string, int>> AliasesAsync(string feature, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT alias, version FROM prompt_aliases WHERE feature = $feature";
        command.Parameters.AddWithValue("$feature", feature);
        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) aliases[reader.GetString(0)] = reader.GetInt32(1);
        return aliases;
    }

    public async Task SetAliasAsync(string feature, string alias, int? version, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = version is null
            ? "DELETE FROM prompt_aliases WHERE feature = $feature AND alias = $alias"
            : """
              INSERT INTO prompt_aliases (feature, alias, version, updated_at) VALUES ($feature, $alias, $version, $at)
              ON CONFLICT(feature, alias) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at
              """;
        command.Parameters.AddWithValue("$feature", feature);
        command.Parameters.AddWithValue("$alias", alias);
        command.Parameters.AddWithValue("$version", (object?)version ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string Select = "SELECT feature, version, system_prompt, temperature, max_tokens, model, note, created_at, created_by FROM prompt_versions";

    private static void Bind(SqliteCommand command, string feature, PromptDraft draft)
    {
        command.Parameters.AddWithValue("$feature", feature);
        command.Parameters.AddWithValue("$prompt", draft.SystemPrompt);
        command.Parameters.AddWithValue("$temperature", draft.Temperature);
        command.Parameters.AddWithValue("$maxTokens", draft.MaxTokens);
        command.Parameters.AddWithValue("$model", (object?)draft.Model ?? DBNull.Value);
        command.Parameters.AddWithValue("$note", (object?)draft.Note ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
    }

    private static async Task<List<PromptVersion>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var versions = new List<PromptVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            versions.Add(new PromptVersion(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetFloat(3), reader.GetInt32(4),
                Text(5), Text(6), Parse(reader.GetString(7)), Text(8)));
        }
        return versions;
    }

    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
}
