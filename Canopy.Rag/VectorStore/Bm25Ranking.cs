using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// Ranks chunks by BM25 exactly as FTS5's <c>bm25()</c> does (same formula, column weights and statistics), from the
/// terms' postings read through FTS5's instance vocabulary, with chunk lengths from memory: FTS5's own bm25() looks each
/// matching chunk's length up in <c>chunks_fts_docsize</c>, which was most of a keyword search's cost at scale.
/// </summary>
internal static class Bm25Ranking
{
    /// <summary>Weights of the FTS5 columns title, heading_path and text: the body text counts less than the headings.</summary>
    public static readonly double[] ColumnWeights = [2.0, 1.5, 1.0];

    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>
    /// The best <paramref name="limit"/> chunks holding any of the terms (forms as indexed; a form given twice counts
    /// twice, as a repeated word does in an FTS5 query), best first, among those <paramref name="admit"/> keeps.
    /// </summary>
    public static async Task<IReadOnlyList<(long Key, double Score)>> RankAsync(
        SqliteConnection connection, IReadOnlyList<string> forms, int limit, ChunkLengths lengths,
        Func<IEnumerable<long>, IReadOnlySet<long>>? admit, CancellationToken cancellationToken)
    {
        var (rows, tokens) = await TotalsAsync(connection, cancellationToken);
        var distinct = forms.Distinct(StringComparer.Ordinal).ToList();
        var frequencies = new Dictionary<long, double[]>();
        var hits = new long[distinct.Count];
        for (var t = 0; t < distinct.Count; t++)
            hits[t] = await ReadPostingsAsync(connection, distinct[t], t, distinct.Count, frequencies, cancellationToken);

        var missing = frequencies.Keys.Where(k => lengths.Get(k) == 0).ToList();
        var fetched = missing.Count == 0 ? null : await lengths.FetchAsync(connection, missing, cancellationToken);
        var admitted = admit?.Invoke(frequencies.Keys);

        var averageLength = (double)tokens / Math.Max(rows, 1);
        var weights = distinct.Select((form, t) => Idf(rows, hits[t]) * forms.Count(f => f == form)).ToArray();
        var scored = new List<(long Key, double Score)>(frequencies.Count);
        foreach (var (key, frequency) in frequencies)
        {
            if (admitted is not null && !admitted.Contains(key)) continue;
            var length = lengths.Get(key);
            if (length == 0 && (fetched is null || !fetched.TryGetValue(key, out length))) continue; // deleted since
            var score = 0.0;
            for (var t = 0; t < frequency.Length; t++)
                score += weights[t] * (frequency[t] * (K1 + 1)) / (frequency[t] + K1 * (1 - B + B * length / averageLength));
            scored.Add((key, score));
        }
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Key.CompareTo(b.Key));
        return scored.Count > limit ? scored.GetRange(0, limit) : scored;
    }

    // FTS5 keeps no negative idf: a term in more than half the chunks weighs almost nothing.
    private static double Idf(long rows, long hits)
    {
        var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    // Postings arrive grouped by chunk: the column-weighted count of the term in each chunk, and how many chunks hold it.
    private static async Task<long> ReadPostingsAsync(
        SqliteConnection connection, string form, int term, int terms, Dictionary<long, double[]> frequencies, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc, CASE col WHEN 'title' THEN 0 WHEN 'heading_path' THEN 1 ELSE 2 END FROM chunks_fts_instances WHERE term = $form";
        command.Parameters.AddWithValue("$form", form);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chunks = 0L;
        var last = long.MinValue;
        double[]? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetInt64(0);
            if (key != last)
            {
                (last, chunks) = (key, chunks + 1);
                if (!frequencies.TryGetValue(key, out current)) frequencies[key] = current = new double[terms];
            }
            current![term] += ColumnWeights[reader.GetInt32(1)];
        }
        return chunks;
    }

    // FTS5's averages record (id 1 of its data table): the number of rows, then the number of tokens in each column.
    private static async Task<(long Rows, long Tokens)> TotalsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT block FROM chunks_fts_data WHERE id = 1";
        if (await command.ExecuteScalarAsync(cancellationToken) is not byte[] record) return (0, 0);
        var values = Varints.Read(record);
        return values.Count == 0 ? (0, 0) : (values[0], values.Skip(1).Sum());
    }
}
