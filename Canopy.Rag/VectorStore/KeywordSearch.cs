using System.Diagnostics;
using Canopy.Rag.VectorStore.Embedded;
using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// The embedded index's BM25 search. A small index lets FTS5 rank every word of the query; from
/// <see cref="EmbeddedIndexOptions.KeywordTermSelectionFrom"/> chunks on, the rarest words are kept within a budget of
/// postings (<see cref="KeywordTermSelection"/>, with document frequencies from <see cref="TermFrequencies"/>) and
/// ranked from their postings with chunk lengths held in memory (<see cref="Bm25Ranking"/>, the same scores as FTS5's),
/// and the FTS5 index is kept in one segment (<see cref="Fts5Merger"/>).
/// </summary>
internal sealed class KeywordSearch : IDisposable
{
    // An index found in more segments than this when first searched at scale is merged in the background.
    private const int SegmentsAtFirstSearch = 8;

    private readonly EmbeddedIndexOptions _options;
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Fts5TermForms _forms = new();
    private readonly TermFrequencies _vocabulary = new();
    private readonly ChunkLengths _lengths = new();
    private readonly Fts5Merger _merger;
    private readonly KeywordTermSelection _selection;
    private readonly Lock _backgroundLock = new();
    private Task? _lengthsLoading;
    private Task? _vocabularyLoading;
    private long _vocabularyReadAt;
    private Task? _merging;

    public KeywordSearch(EmbeddedIndexOptions options, Func<CancellationToken, Task<SqliteConnection>> open, SemaphoreSlim writeLock, ILogger logger)
    {
        (_options, _open, _logger) = (options, open, logger);
        _merger = new Fts5Merger(open, writeLock);
        _selection = new KeywordTermSelection(options.KeywordPostingsShare, _vocabulary);
    }

    public async Task<IReadOnlyList<(long Key, double Score)>> SearchAsync(
        SqliteConnection connection, IReadOnlyList<string> words, int limit, SearchFilter filter, EmbeddedVectors vectors, CancellationToken cancellationToken)
    {
        var indexSize = vectors.Count;
        if (indexSize < _options.KeywordTermSelectionFrom)
            return await SqliteChunkReader.SearchFtsAsync(connection, Fts5Query.Match(words)!, limit, filter, cancellationToken);

        var hits = await SearchSelectedAsync(connection, words, limit, filter, vectors, indexSize, cancellationToken);
        // Begun once a search has answered: after a restart on one core, the first question does not wait behind them.
        _ = StartBackground(indexSize, mergeAbove: SegmentsAtFirstSearch);
        return hits;
    }

    private async Task<IReadOnlyList<(long Key, double Score)>> SearchSelectedAsync(
        SqliteConnection connection, IReadOnlyList<string> words, int limit, SearchFilter filter, EmbeddedVectors vectors, int indexSize, CancellationToken cancellationToken)
    {
        var forms = _forms.Resolve(words);
        var selected = await _selection.SelectAsync(connection, [.. words.Select((w, i) => new QueryTerm(w, forms[i]))], indexSize, cancellationToken);
        Activity.Current?.SetTag("canopy.rag.keyword.terms", selected.Count);
        // A word FTS5 splits into several terms is a phrase: FTS5 itself ranks that query.
        if (selected.Any(t => t.Form is null))
            return await SqliteChunkReader.SearchFtsAsync(connection, Fts5Query.Match(selected.Select(t => t.Word))!, limit, filter, cancellationToken);

        return await Bm25Ranking.RankAsync(connection, [.. selected.Select(t => t.Form!)], limit, _lengths,
            filter.IsEmpty ? null : keys => vectors.Admitted(filter, keys), cancellationToken);
    }

    /// <summary>Notes a committed write; past a tenth of the index changed since the last merge, merges in the background.</summary>
    public void Written(int changedChunks, int indexSize)
    {
        if (indexSize >= _options.KeywordTermSelectionFrom && _merger.Note(changedChunks, indexSize))
            lock (_backgroundLock)
                if (_merging is null or { IsCompleted: true }) _merging = Run("merging the keyword index", ct => _merger.MergeAsync(indexSize, whole: false, ct));
    }

    /// <summary>Merges the index into one segment and reads the term statistics and chunk lengths now (a bulk load's flush).</summary>
    public Task WarmAsync(int indexSize) =>
        indexSize < _options.KeywordTermSelectionFrom ? Task.CompletedTask : StartBackground(indexSize, mergeAbove: 1);

    // Each is done once in the background (the vocabulary again when the index has changed by a tenth); searches
    // meanwhile count the words and fetch the lengths they meet.
    private Task StartBackground(int indexSize, int mergeAbove)
    {
        lock (_backgroundLock)
        {
            // Read again when the index has changed by a tenth since the last read was begun (even one that failed).
            if (_vocabularyLoading is { IsCompleted: true } && Math.Abs(_vocabularyReadAt - indexSize) * 10 > indexSize) _vocabularyLoading = null;
            if (_vocabularyLoading is null)
            {
                _vocabularyReadAt = indexSize;
                _vocabularyLoading = Run("reading term statistics", ct => ReadAsync((c, t) => _vocabulary.BuildAsync(c, indexSize, t), ct));
            }
            _lengthsLoading ??= Run("reading chunk lengths", ct => ReadAsync(_lengths.LoadAllAsync, ct));
            if (mergeAbove == 1 || _merging is null)
            {
                var previous = _merging ?? Task.CompletedTask;
                _merging = Run("merging the keyword index", async ct =>
                {
                    await previous;
                    if (await ReadAsync(Fts5Merger.SegmentsAsync, ct) > mergeAbove) await _merger.MergeAsync(indexSize, whole: mergeAbove == 1, ct);
                });
            }
            return Task.WhenAll(_vocabularyLoading, _lengthsLoading, _merging);
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _open(cancellationToken);
        return await read(connection, cancellationToken);
    }

    private Task ReadAsync(Func<SqliteConnection, CancellationToken, Task> read, CancellationToken cancellationToken) =>
        ReadAsync(async (c, ct) => { await read(c, ct); return true; }, cancellationToken);

    // A failed task is logged and not retried on every search; searches count what they need meanwhile.
    private Task Run(string what, Func<CancellationToken, Task> work) => Task.Run(async () =>
    {
        try { await work(_stopping.Token); }
        catch (Exception ex) when (!_stopping.IsCancellationRequested) { _logger.LogWarning(ex, "Keyword search: {What} failed", what); }
        catch (Exception) when (_stopping.IsCancellationRequested) { }
    });

    public void Dispose()
    {
        // The token stays readable for work still starting; it is never disposed.
        _stopping.Cancel();
        _forms.Dispose();
    }
}
