using System.Security.Cryptography;
using Canopy.Contracts.ApiKeys;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Api.ApiKeys;

/// <summary>
/// Personal API keys in SQLite: the hash of each secret, its owner and name; a key is revoked by stamping it, never
/// deleted, so the owner and admins still see what existed. Each write is committed before the API answers.
/// </summary>
public sealed class ApiKeyStore
{
    private const string Columns = "id, name, prefix, created_at, revoked_at, owner_name";
    private readonly DurableSqlite _database;

    public ApiKeyStore(IOptions<ApiKeyOptions> options, IHostEnvironment environment)
    {
        _database = new DurableSqlite(options.Value.DataPath, environment, "api-keys.db", schema: """
            CREATE TABLE IF NOT EXISTS api_keys (
                id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, prefix TEXT NOT NULL,
                owner_sub TEXT NOT NULL, owner_name TEXT NOT NULL, owner_role TEXT NOT NULL,
                created_at TEXT NOT NULL, revoked_at TEXT NULL);
            CREATE INDEX IF NOT EXISTS ix_api_keys_owner ON api_keys(owner_sub);
            """);
    }

    /// <summary>Stores a new key for the owner, or returns null when they already hold the most active keys allowed.</summary>
    public async Task<ApiKeyCreated?> CreateAsync(ApiKeyOwner owner, string name, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecrets.Create();
        var info = new ApiKeyInfo(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name, ApiKeySecrets.Shown(secret), DateTimeOffset.UtcNow, null);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        // Count and insert in one statement, so that two creations at once cannot both pass the limit.
        command.CommandText = """
            INSERT INTO api_keys (id, hash, name, prefix, owner_sub, owner_name, owner_role, created_at)
            SELECT $id, $hash, $name, $prefix, $sub, $owner, $role, $at
            WHERE (SELECT COUNT(*) FROM api_keys WHERE owner_sub = $sub AND revoked_at IS NULL) < $max
            """;
        command.Parameters.AddWithValue("$id", info.Id);
        command.Parameters.AddWithValue("$hash", ApiKeySecrets.Hash(secret));
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$prefix", info.Prefix);
        command.Parameters.AddWithValue("$sub", owner.Subject);
        command.Parameters.AddWithValue("$owner", owner.Name);
        command.Parameters.AddWithValue("$role", owner.Role);
        command.Parameters.AddWithValue("$at", info.CreatedAt.ToString("O"));
        command.Parameters.AddWithValue("$max", ApiKeyFormat.MaxActivePerUser);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? new ApiKeyCreated(info, secret) : null;
    }

    /// <summary>The owner and id of an active key with this secret, or null.</summary>
    public async Task<(string Id, ApiKeyOwner Owner)?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, owner_sub, owner_name, owner_role FROM api_keys WHERE hash = $hash AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$hash", ApiKeySecrets.Hash(secret));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), new ApiKeyOwner(reader.GetString(1), reader.GetString(2), reader.GetString(3)))
            : null;
    }

    /// <summary>The owner's keys (or every key, with owners, when <paramref name="ownerSubject"/> is null), newest first.</summary>
    public async Task<List<ApiKeyInfo>> ListAsync(string? ownerSubject, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = ownerSubject is null
            ? $"SELECT {Columns} FROM api_keys ORDER BY created_at DESC"
            : $"SELECT {Columns} FROM api_keys WHERE owner_sub = $sub ORDER BY created_at DESC";
        command.Parameters.AddWithValue("$sub", (object?)ownerSubject ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(new ApiKeyInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), Time(reader.GetString(3)),
                reader.IsDBNull(4) ? null : Time(reader.GetString(4)), ownerSubject is null ? reader.GetString(5) : null));
        return keys;
    }

    /// <summary>Revokes the key (only the owner's when <paramref name="ownerSubject"/> is set); false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string id, string? ownerSubject, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $at)
            WHERE id = $id AND ($sub IS NULL OR owner_sub = $sub)
            """;
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$sub", (object?)ownerSubject ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static DateTimeOffset Time(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private SqliteConnection Open() => _database.Open();
}
