using System.Globalization;
using System.Text.Json;
using Canopy.Contracts.Evaluations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Evaluations;

/// <summary>Runs and results in canopy-be's SQLite file <c>evaluations.db</c>; each case's result is committed as soon as it is scored.</summary>
public sealed class SqliteEvaluationStore : IEvaluationStore
{
    private const string Columns = "id, feature, version, set_name, status, cases, done, provider, started_at, finished_at, metrics, score, error";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly DurableSqlite _database;

    public SqliteEvaluationStore(IOptions<EvaluationOptions> options, IHostEnvironment environment)
    {
        _database = new DurableSqlite(options.Value.DataPath, environment, "evaluations.db", schema: """
            CREATE TABLE IF NOT EXISTS evaluation_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT, feature TEXT NOT NULL, version INTEGER NOT NULL, set_name TEXT NOT NULL,
                status TEXT NOT NULL, cases INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0, provider TEXT NOT NULL,
                started_at TEXT NOT NULL, finished_at TEXT NULL, metrics TEXT NULL, score REAL NULL, error TEXT NULL, case_list TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_runs_version ON evaluation_runs(feature, version, set_name, status);
            CREATE TABLE IF NOT EXISTS evaluation_results (
                run_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, case_id TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,
                trace_id TEXT NOT NULL, span_id TEXT NULL, scores TEXT NOT NULL, PRIMARY KEY (run_id, ordinal));
            """);
    }

    public async Task<EvaluationRunInfo> CreateAsync(
        string feature, int version, string set, IReadOnlyList<EvaluationCase> cases, string provider, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO evaluation_runs (feature, version, set_name, status, cases, provider, started_at, case_list)
            VALUES ($feature, $version, $set, $status, $cases, $provider, $at, $list) RETURNING {Columns}
            """;
        command.Parameters.AddWithValue("$feature", feature);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$set", set);
        command.Parameters.AddWithValue("$status", EvaluationRunStatus.Queued);
        command.Parameters.AddWithValue("$cases", cases.Count);
        command.Parameters.AddWithValue("$list", JsonSerializer.Serialize(cases, Json));
        command.Parameters.AddWithValue("$provider", provider);
        command.Parameters.AddWithValue("$at", Now());
        return (await ReadRunsAsync(command, cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<EvaluationRunInfo>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM evaluation_runs ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadRunsAsync(command, cancellationToken);
    }

    public async Task<EvaluationRunInfo?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM evaluation_runs WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (await ReadRunsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<EvaluationCase>> CasesAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT case_list FROM evaluation_runs WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string list ? JsonSerializer.Deserialize<List<EvaluationCase>>(list, Json) ?? [] : [];
    }

    public async Task<IReadOnlyList<EvaluationCaseResult>> ResultsAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT case_id, question, answer, trace_id, span_id, scores FROM evaluation_results WHERE run_id = $id ORDER BY ordinal";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<EvaluationCaseResult>();
        while (await reader.ReadAsync(cancellationToken))
            results.Add(new EvaluationCaseResult(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), JsonSerializer.Deserialize<List<EvaluationScore>>(reader.GetString(5), Json) ?? []));
        return results;
    }

    public async Task<EvaluationRunInfo?> StartNextAsync(string provider, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE evaluation_runs SET status = $running, provider = $provider
            WHERE id = (SELECT id FROM evaluation_runs WHERE status = $queued ORDER BY id LIMIT 1) RETURNING {Columns}
            """;
        command.Parameters.AddWithValue("$running", EvaluationRunStatus.Running);
        command.Parameters.AddWithValue("$queued", EvaluationRunStatus.Queued);
        command.Parameters.AddWithValue("$provider", provider);
        return (await ReadRunsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task AddResultAsync(long id, EvaluationCaseResult result, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO evaluation_results (run_id, ordinal, case_id, question, answer, trace_id, span_id, scores)
            VALUES ($id, (SELECT done FROM evaluation_runs WHERE id = $id), $case, $question, $answer, $trace, $span, $scores);
            UPDATE evaluation_runs SET done = done + 1 WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$case", result.CaseId);
        command.Parameters.AddWithValue("$question", result.Question);
        command.Parameters.AddWithValue("$answer", result.Answer);
        command.Parameters.AddWithValue("$trace", result.TraceId);
        command.Parameters.AddWithValue("$span", (object?)result.SpanId ?? DBNull.Value);
        command.Parameters.AddWithValue("$scores", JsonSerializer.Serialize(result.Scores, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task CompleteAsync(long id, IReadOnlyList<MetricSummary> metrics, double? score, CancellationToken cancellationToken) =>
        FinishAsync(id, EvaluationRunStatus.Completed, JsonSerializer.Serialize(metrics, Json), score, null, cancellationToken);

    public Task FailAsync(long id, string error, CancellationToken cancellationToken) =>
        FinishAsync(id, EvaluationRunStatus.Failed, null, null, error, cancellationToken);

    public async Task<int> FailInterruptedAsync(string error, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE evaluation_runs SET status = $failed, error = $error, finished_at = $at WHERE status = $running";
        command.Parameters.AddWithValue("$failed", EvaluationRunStatus.Failed);
        command.Parameters.AddWithValue("$running", EvaluationRunStatus.Running);
        command.Parameters.AddWithValue("$error", error);
        command.Parameters.AddWithValue("$at", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<EvaluationRunInfo?> LatestCompletedAsync(string feature, int version, string set, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM evaluation_runs WHERE feature = $feature AND version = $version AND set_name = $set AND status = $completed
            ORDER BY id DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$feature", feature);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$set", set);
        command.Parameters.AddWithValue("$completed", EvaluationRunStatus.Completed);
        return (await ReadRunsAsync(command, cancellationToken)).SingleOrDefault();
    }

    private async Task FinishAsync(long id, string status, string? metrics, double? score, string? error, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE evaluation_runs SET status = $status, metrics = $metrics, score = $score, error = $error, finished_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$metrics", (object?)metrics ?? DBNull.Value);
        command.Parameters.AddWithValue("$score", (object?)score ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<EvaluationRunInfo>> ReadRunsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<EvaluationRunInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var metrics = reader.IsDBNull(10) ? [] : JsonSerializer.Deserialize<List<MetricSummary>>(reader.GetString(10), Json) ?? [];
            runs.Add(new EvaluationRunInfo(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7), Time(reader.GetString(8)), reader.IsDBNull(9) ? null : Time(reader.GetString(9)),
                metrics, reader.IsDBNull(11) ? null : reader.GetDouble(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        return runs;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
