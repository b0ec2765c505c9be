using Canopy.Rag.VectorStore;
using Microsoft.Data.Sqlite;

namespace Canopy.ScaleBenchmark;

/// <summary>The keyword search as it was before term selection (every word ORed), run beside it for time and overlap.</summary>
internal sealed class FullOrKeywordSearch(string databasePath) : IDisposable
{
    private readonly SqliteConnection _connection = Open(databasePath);

    public List<string> Search(string text, int limit)
    {
        using var command = _connection.CreateCommand();
        // Ranked as the index ranks, then the 50 ids looked up (the join is not part of the ranking's cost).
        command.CommandText = """
            SELECT c.id FROM (SELECT rowid AS key, bm25(chunks_fts, 2.0, 1.5, 1.0) AS rank FROM chunks_fts
                WHERE chunks_fts MATCH $match ORDER BY rank LIMIT $limit) r JOIN chunks c ON c.key = r.key ORDER BY r.rank
            """;
        command.Parameters.AddWithValue("$match", Fts5Query.FromUserText(text));
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        return connection;
    }

    public void Dispose() => _connection.Dispose();
}
