using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Keeps a large index's keyword query to the terms that decide its BM25 ranking, within a budget of postings: ranking
/// costs something for every chunk that holds any query term, and BM25 weighs a term by its rarity. So the rarest terms
/// are kept while their chunks together stay within <see cref="EmbeddedIndexOptions.KeywordPostingsShare"/> of the index
/// (the two rarest always). Document frequencies come from <see cref="TermFrequencies"/>; until it is built, and for a
/// word that is not one term, they are counted (up to a twentieth of the index) and reused until the index has grown or
/// shrunk by a tenth.
/// </summary>
internal sealed class KeywordTermSelection(double postingsShare, TermFrequencies vocabulary)
{
    private const int AlwaysKept = 2;

    /// <summary>A word in more of the chunks than this is common: its count stops there (which common word is kept does not matter).</summary>
    private const double CommonShare = 0.05;

    private readonly ConcurrentDictionary<string, (long Frequency, long IndexSize)> _frequencies = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<QueryTerm>> SelectAsync(SqliteConnection connection, IReadOnlyList<QueryTerm> terms, long indexSize, CancellationToken cancellationToken)
    {
        if (terms.Count <= AlwaysKept) return terms;
        var budget = (long)Math.Ceiling(indexSize * postingsShare);
        var cap = Math.Max(budget, (long)Math.Ceiling(indexSize * CommonShare)) + 1;
        var counted = new List<(QueryTerm Term, long Frequency)>(terms.Count);
        foreach (var term in terms) counted.Add((term, await FrequencyAsync(connection, term, indexSize, cap, cancellationToken)));
        var kept = new List<QueryTerm>(terms.Count);
        var postings = 0L;
        foreach (var (term, frequency) in counted.OrderBy(c => c.Frequency))
        {
            if (kept.Count >= AlwaysKept && postings + frequency > budget) break;
            kept.Add(term);
            postings += frequency;
        }
        return kept;
    }

    private async Task<long> FrequencyAsync(SqliteConnection connection, QueryTerm term, long indexSize, long cap, CancellationToken cancellationToken)
    {
        if (term.Form is { } form && vocabulary.TryGet(form, indexSize, out var frequency)) return frequency;
        if (_frequencies.TryGetValue(term.Word, out var known) && Math.Abs(known.IndexSize - indexSize) * 10 <= indexSize) return known.Frequency;
        await using var command = connection.CreateCommand();
        // The word goes through FTS5's own tokenizer (and stemmer), so the count is that of the postings the query reads.
        // (FTS5's row vocabulary would walk every posting of a common word: the count stops at the cap instead.)
        command.CommandText = "SELECT COUNT(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH $term LIMIT $cap)";
        command.Parameters.AddWithValue("$term", Fts5Query.Match([term.Word]));
        command.Parameters.AddWithValue("$cap", cap);
        frequency = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        _frequencies[term.Word] = (frequency, indexSize);
        return frequency;
    }
}

/// <summary>A word of the query and the one term the index holds it as (null when the tokenizer makes it none or several).</summary>
internal sealed record QueryTerm(string Word, string? Form);
