using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Calendar.Events;

/// <summary>Events in one SQLite file; each write is committed (and synced) before the tool answers.</summary>
public sealed class SqliteCalendarStore : ICalendarStore
{
    private const string Columns = "id, title, date, end_date, start_time, end_time, category, course, location, description, scope, source, owner";
    private const string SeedMarker = "seeded";
    private readonly DurableSqlite _database;

    public SqliteCalendarStore(IOptions<CalendarOptions> options, IHostEnvironment environment)
    {
        _database = new DurableSqlite(options.Value.DataPath, environment, "calendar.db", schema: """
            CREATE TABLE IF NOT EXISTS events (
                id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT NOT NULL, end_date TEXT NULL, start_time TEXT NULL,
                end_time TEXT NULL, category TEXT NOT NULL, course TEXT NULL, location TEXT NULL, description TEXT NULL,
                scope TEXT NOT NULL, source TEXT NOT NULL, owner TEXT NULL);
            CREATE INDEX IF NOT EXISTS ix_events_owner ON events(owner);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """);
    }

    public async Task<IReadOnlyList<CalendarEvent>> ListVisibleAsync(string? owner, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM events WHERE owner IS NULL OR owner = $owner ORDER BY date, start_time, title";
        command.Parameters.AddWithValue("$owner", (object?)owner ?? DBNull.Value);
        var events = new List<CalendarEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) events.Add(Read(reader).Event);
        return events;
    }

    public async Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM events WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task AddAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Insert(connection, stored, orIgnore: false);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> UpdateAsync(CalendarEvent updated, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE events SET title = $title, date = $date, end_date = $end_date, start_time = $start_time, end_time = $end_time,
                category = $category, course = $course, location = $location, description = $description WHERE id = $id
            """;
        Bind(command, new StoredEvent(updated, null));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM events WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SeedAsync(IReadOnlyList<CalendarEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        // IMMEDIATE: a second instance starting at the same moment waits instead of seeding twice.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM meta WHERE key = $key";
            check.Parameters.AddWithValue("$key", SeedMarker);
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0) return false;
        }
        foreach (var calendarEvent in events)
        {
            await using var insert = Insert(connection, new StoredEvent(calendarEvent, null), orIgnore: true);
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var mark = connection.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value)";
            mark.Parameters.AddWithValue("$key", SeedMarker);
            mark.Parameters.AddWithValue("$value", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The journal mode and synchronous level in force, as SQLite reports them (for the durability test).</summary>
    internal (string JournalMode, long Synchronous) Durability()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var mode = (string)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA synchronous";
        return (mode, (long)command.ExecuteScalar()!);
    }

    private static SqliteCommand Insert(SqliteConnection connection, StoredEvent stored, bool orIgnore)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT {(orIgnore ? "OR IGNORE " : "")}INTO events ({Columns})
            VALUES ($id, $title, $date, $end_date, $start_time, $end_time, $category, $course, $location, $description, $scope, $source, $owner)
            """;
        Bind(command, stored);
        return command;
    }

    private static void Bind(SqliteCommand command, StoredEvent stored)
    {
        var e = stored.Event;
        object Value(object? value) => value ?? DBNull.Value;
        command.Parameters.AddWithValue("$id", e.Id);
        command.Parameters.AddWithValue("$title", e.Title);
        command.Parameters.AddWithValue("$date", Iso(e.Date));
        command.Parameters.AddWithValue("$end_date", Value(e.EndDate is { } end ? Iso(end) : null));
        command.Parameters.AddWithValue("$start_time", Value(e.StartTime));
        command.Parameters.AddWithValue("$end_time", Value(e.EndTime));
        command.Parameters.AddWithValue("$category", e.Category);
        command.Parameters.AddWithValue("$course", Value(e.Course));
        command.Parameters.AddWithValue("$location", Value(e.Location));
        command.Parameters.AddWithValue("$description", Value(e.Description));
        command.Parameters.AddWithValue("$scope", e.Scope);
        command.Parameters.AddWithValue("$source", e.Source);
        command.Parameters.AddWithValue("$owner", Value(stored.Owner));
    }

    private static StoredEvent Read(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var calendarEvent = new CalendarEvent(reader.GetString(0), reader.GetString(1), ParseIso(reader.GetString(2)),
            Text(3) is { } end ? ParseIso(end) : null, Text(4), Text(5), reader.GetString(6), Text(7), Text(8), Text(9),
            reader.GetString(10), reader.GetString(11));
        return new StoredEvent(calendarEvent, Text(12));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseIso(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
