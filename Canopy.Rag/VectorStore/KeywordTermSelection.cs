using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Keeps a large index's keyword query to the terms that decide its BM25 ranking, within a budget of postings. FTS5
/// scores every chunk that holds any query term, at a few microseconds each, and BM25 weighs a term by its rarity: so
/// from <see cref="EmbeddedIndexOptions.KeywordTermSelectionFrom"/> chunks on, the rarest terms are kept while their
/// chunks together stay within <see cref="EmbeddedIndexOptions.KeywordPostingsShare"/> of the index (the two rarest
/// always). Document frequencies are counted (up to a twentieth of the index) once and reused until the index has
/// grown or shrunk by a tenth.
/// </summary>
internal sealed class KeywordTermSelection(int selectiveFrom, double postingsShare)
{
    private const int AlwaysKept = 2;

    /// <summary>A word in more of the chunks than this is common: its count stops there (which common word is kept does not matter).</summary>
    private const double CommonShare = 0.05;

    private readonly ConcurrentDictionary<string, (long Frequency, long IndexSize)> _frequencies = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> SelectAsync(SqliteConnection connection, IReadOnlyList<string> terms, long indexSize, CancellationToken cancellationToken)
    {
        if (indexSize < selectiveFrom || terms.Count <= AlwaysKept) return terms;
        var budget = (long)Math.Ceiling(indexSize * postingsShare);
        var cap = Math.Max(budget, (long)Math.Ceiling(indexSize * CommonShare)) + 1;
        var counted = new List<(string Term, long Frequency)>(terms.Count);
        foreach (var term in terms) counted.Add((term, await FrequencyAsync(connection, term, indexSize, cap, cancellationToken)));
        var kept = new List<string>(terms.Count);
        var postings = 0L;
        foreach (var (term, frequency) in counted.OrderBy(c => c.Frequency))
        {
            if (kept.Count >= AlwaysKept && postings + frequency > budget) break;
            kept.Add(term);
            postings += frequency;
        }
        return kept;
    }

    private async Task<long> FrequencyAsync(SqliteConnection connection, string term, long indexSize, long cap, CancellationToken cancellationToken)
    {
        if (_frequencies.TryGetValue(term, out var known) && Math.Abs(known.IndexSize - indexSize) * 10 <= indexSize) return known.Frequency;
        await using var command = connection.CreateCommand();
        // The term goes through FTS5's own tokenizer (and stemmer), so the count is that of the postings the query reads.
        command.CommandText = "SELECT COUNT(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH $term LIMIT $cap)";
        command.Parameters.AddWithValue("$term", Fts5Query.Match([term]));
        command.Parameters.AddWithValue("$cap", cap);
        var frequency = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        _frequencies[term] = (frequency, indexSize);
        return frequency;
    }
}
