using Microsoft.Data.Sqlite;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The services' small SQLite files (canopy-be's feedback, keys and prompts, canopy-calendar's events): WAL, and every
/// connection with synchronous=FULL, so that an acknowledged write survives a kill -9 and a power cut alike.
/// </summary>
public sealed class DurableSqlite
{
    private readonly string _connectionString;

    /// <summary>
    /// Opens (creating the directory) <paramref name="fileName"/> under <paramref name="dataPath"/>, relative to the content
    /// root, and runs <paramref name="schema"/> (its <c>CREATE … IF NOT EXISTS</c> statements) once.
    /// </summary>
    public DurableSqlite(string dataPath, IHostEnvironment environment, string fileName, string schema)
    {
        var directory = Path.GetFullPath(dataPath, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, fileName) }.ToString();
        using var connection = Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        wal.ExecuteNonQuery();
        using var create = connection.CreateCommand();
        create.CommandText = schema;
        create.ExecuteNonQuery();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // synchronous is a per-connection setting; WAL's default (NORMAL in many builds) may lose the last commits on power loss.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
