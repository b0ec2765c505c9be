using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Keeps a large index's keyword query to the terms that decide its BM25 ranking. BM25 weighs a term by its rarity: a
/// word found in more than <see cref="CommonShare"/> of the chunks adds little to any score, yet FTS5 scores every chunk
/// it appears in. From <see cref="EmbeddedIndexOptions.KeywordTermSelectionFrom"/> chunks on, such words are left out, unless fewer than two terms would
/// remain (then the two rarest are kept). Document frequencies are counted once and reused until the index has grown
/// or shrunk by a tenth.
/// </summary>
internal sealed class KeywordTermSelection(int selectiveFrom)
{
    public const double CommonShare = 0.05;

    private readonly ConcurrentDictionary<string, (long Frequency, long IndexSize)> _frequencies = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> SelectAsync(SqliteConnection connection, IReadOnlyList<string> terms, long indexSize, CancellationToken cancellationToken)
    {
        if (indexSize < selectiveFrom || terms.Count <= 2) return terms;
        var counted = new List<(string Term, long Frequency)>(terms.Count);
        foreach (var term in terms) counted.Add((term, await FrequencyAsync(connection, term, indexSize, cancellationToken)));
        var kept = counted.Where(c => c.Frequency <= indexSize * CommonShare).ToList();
        if (kept.Count < 2) kept = [.. counted.OrderBy(c => c.Frequency).Take(2)];
        return [.. kept.Select(k => k.Term)];
    }

    private async Task<long> FrequencyAsync(SqliteConnection connection, string term, long indexSize, CancellationToken cancellationToken)
    {
        if (_frequencies.TryGetValue(term, out var known) && Math.Abs(known.IndexSize - indexSize) * 10 <= indexSize) return known.Frequency;
        await using var command = connection.CreateCommand();
        // The term goes through FTS5's own tokenizer (and stemmer), so the count is that of the postings the query reads.
        command.CommandText = "SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH $term";
        command.Parameters.AddWithValue("$term", Fts5Query.Match([term]));
        var frequency = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        _frequencies[term] = (frequency, indexSize);
        return frequency;
    }
}
