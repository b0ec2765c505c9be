using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Finds the form in which the index holds a query word (lower-cased, diacritics removed, stemmed), by letting FTS5's
/// own tokenizer split it in a scratch in-memory table: so a word's document frequency can be looked up in the term
/// vocabulary instead of counted over its postings. A word that is not exactly one term has no form.
/// </summary>
internal sealed class Fts5TermForms : IDisposable
{
    // Distinct words remembered; past this the memory starts over (a vocabulary this large is not a course library's).
    private const int Remembered = 100_000;

    private readonly ConcurrentDictionary<string, string?> _forms = new(StringComparer.Ordinal);
    private readonly Lock _probeLock = new();
    private SqliteConnection? _probe;

    public IReadOnlyList<string?> Resolve(IReadOnlyList<string> words)
    {
        var unknown = words.Where(w => !_forms.ContainsKey(w)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) Probe(unknown);
        return [.. words.Select(w => _forms.TryGetValue(w, out var form) ? form : null)];
    }

    private void Probe(List<string> words)
    {
        lock (_probeLock)
        {
            var probe = _probe ??= OpenProbe();
            if (_forms.Count + words.Count > Remembered) _forms.Clear();
            using var transaction = probe.BeginTransaction();
            using (var insert = probe.CreateCommand())
            {
                insert.CommandText = string.Concat(words.Select((_, i) => $"INSERT INTO probe (rowid, x) VALUES ({i}, $w{i}); "));
                for (var i = 0; i < words.Count; i++) insert.Parameters.AddWithValue($"$w{i}", words[i]);
                insert.ExecuteNonQuery();
            }
            var terms = new List<string>?[words.Count];
            using (var select = probe.CreateCommand())
            {
                select.CommandText = "SELECT doc, term FROM probe_terms";
                using var reader = select.ExecuteReader();
                while (reader.Read()) (terms[reader.GetInt32(0)] ??= []).Add(reader.GetString(1));
            }
            // Nothing is kept: the scratch table is empty again for the next probe.
            transaction.Rollback();
            for (var i = 0; i < words.Count; i++) _forms[words[i]] = terms[i] is [var single] ? single : null;
        }
    }

    private static SqliteConnection OpenProbe()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE VIRTUAL TABLE probe USING fts5(x, tokenize = '{SqliteSchema.Tokenizer}');
            CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, instance);
            """;
        command.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        lock (_probeLock) _probe?.Dispose();
    }
}
