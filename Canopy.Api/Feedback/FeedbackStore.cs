using Canopy.Contracts.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Feedback;

/// <summary>
/// Ratings kept durably in SQLite: each write is committed before the API answers. WAL with synchronous=FULL syncs the
/// log on every commit, so an acknowledged rating survives a kill -9 and a power cut alike.
/// </summary>
public sealed class FeedbackStore
{
    private readonly DurableSqlite _database;

    public FeedbackStore(IOptions<FeedbackOptions> options, IHostEnvironment environment)
    {
        _database = new DurableSqlite(options.Value.DataPath, environment, "feedback.db", schema: """
            CREATE TABLE IF NOT EXISTS feedback (
                id INTEGER PRIMARY KEY AUTOINCREMENT, trace_id TEXT NOT NULL, rating TEXT NOT NULL, comment TEXT NULL,
                feature TEXT NULL, prompt TEXT NULL, answer TEXT NULL, created_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_feedback_trace ON feedback(trace_id);
            """);
        using var connection = Open();
        AddUserColumn(connection);
    }

    /// <summary>Databases written before sign-in existed get the pseudonymous user column (null for their rows).</summary>
    private static void AddUserColumn(SqliteConnection connection)
    {
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('feedback') WHERE name = 'user_pseudo_id'";
        if ((long)columns.ExecuteScalar()! > 0) return;
        using var alter = connection.CreateCommand();
        alter.CommandText = "ALTER TABLE feedback ADD COLUMN user_pseudo_id TEXT NULL";
        alter.ExecuteNonQuery();
    }

    public async Task<long> AddAsync(FeedbackRequest request, string? userPseudoId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feedback (trace_id, rating, comment, feature, prompt, answer, created_at, user_pseudo_id)
            VALUES ($trace, $rating, $comment, $feature, $prompt, $answer, $at, $user) RETURNING id
            """;
        command.Parameters.AddWithValue("$trace", request.TraceId);
        command.Parameters.AddWithValue("$rating", request.Rating);
        command.Parameters.AddWithValue("$comment", (object?)request.Comment ?? DBNull.Value);
        command.Parameters.AddWithValue("$feature", (object?)request.Feature ?? DBNull.Value);
        command.Parameters.AddWithValue("$prompt", (object?)request.Prompt ?? DBNull.Value);
        command.Parameters.AddWithValue("$answer", (object?)request.Answer ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        command.Parameters.AddWithValue("$user", (object?)userPseudoId ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<FeedbackEntry> ListAsync(int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, trace_id, rating, comment, feature, prompt, answer, created_at, user_pseudo_id FROM feedback ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            yield return new FeedbackEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Text(3), Text(4), Text(5), Text(6),
                DateTimeOffset.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture), Text(8));
        }
    }

    private SqliteConnection Open() => _database.Open();

    /// <summary>The journal mode and synchronous level in force, as SQLite reports them (for the durability test).</summary>
    public (string JournalMode, long Synchronous) Durability()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var mode = (string)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA synchronous;";
        return (mode, (long)command.ExecuteScalar()!);
    }
}
