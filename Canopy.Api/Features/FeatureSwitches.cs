using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Features;

/// <summary>
/// Admins' on/off settings for features, over configuration, for every user at once: durable in SQLite (committed
/// before the API answers) and held in memory, since every chat turn asks.
/// </summary>
public sealed class FeatureSwitches
{
    private readonly DurableSqlite _database;
    private readonly ConcurrentDictionary<string, bool> _switches = new(StringComparer.Ordinal);

    public FeatureSwitches(IOptions<SettingsOptions> options, IHostEnvironment environment)
    {
        _database = new DurableSqlite(options.Value.DataPath, environment, "settings.db",
            schema: "CREATE TABLE IF NOT EXISTS feature_switches (feature TEXT PRIMARY KEY, enabled INTEGER NOT NULL, updated_at TEXT NOT NULL);");
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT feature, enabled FROM feature_switches";
        using var reader = command.ExecuteReader();
        while (reader.Read()) _switches[reader.GetString(0)] = reader.GetInt64(1) != 0;
    }

    /// <summary>The admin's setting for the feature, or null when configuration decides.</summary>
    public bool? Of(string feature) => _switches.TryGetValue(feature, out var enabled) ? enabled : null;

    public async Task SetAsync(string feature, bool enabled, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feature_switches (feature, enabled, updated_at) VALUES ($feature, $enabled, $at)
            ON CONFLICT(feature) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$feature", feature);
        command.Parameters.AddWithValue("$enabled", enabled ? 1 : 0);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
        _switches[feature] = enabled;
    }

    public async Task ResetAsync(string feature, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM feature_switches WHERE feature = $feature";
        command.Parameters.AddWithValue("$feature", feature);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _switches.TryRemove(feature, out _);
    }
}
