using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Canopy.Rag.VectorStore.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// The embedded index: one SQLite file holds documents, chunks, vectors and an FTS5 table and is the source of truth;
/// vectors are also held in memory for search (<see cref="EmbeddedVectors"/>: exact while small, an HNSW graph beyond).
/// Searches return keys; text and metadata are read from SQLite for the top results only.
/// </summary>
public sealed class SqliteVectorIndex(IOptions<EmbeddedIndexOptions> options, IHostEnvironment environment, ILogger<SqliteVectorIndex> logger)
    : IVectorIndex, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly DocumentHeaders _headers = new();
    private EmbeddedVectors? _vectors;
    private KeywordSearch? _keywords;
    private string? _connectionString;
    private bool _disposed;

    public string SystemName => "sqlite";
    public string CollectionName => "chunks";
    public string VectorSearchSpanName => RagTelemetry.VectorSearchSpan;

    public string DatabasePath { get; private set; } = "";

    /// <summary>How vectors are searched now (<c>exact</c> or <c>hnsw</c>), and how many chunks they cover.</summary>
    internal (string Method, int Chunks) VectorState => _vectors is { } v ? (v.Method, v.Count) : ("exact", 0);

    /// <summary>Whether vector searches read the saved graph's mapped file rather than a loaded copy.</summary>
    internal bool SearchesMappedGraph => _vectors?.SearchesMappedGraph == true;

    /// <summary>Vectors and removals waiting for the graph (searches scan them exactly until it takes them).</summary>
    internal int GraphBacklog => _vectors?.Backlog ?? 0;

    /// <summary>
    /// Moves the vectors written since into the HNSW graph, compacts it if due and saves it; at keyword-selection scale
    /// also merges the FTS5 index and reads the term statistics and chunk lengths. Now rather than in the background (a
    /// bulk load calls it at its end; searches are complete either way).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_vectors is null) return;
        await _vectors.FlushAsync(cancellationToken);
        await _keywords!.WarmAsync(_vectors.Count).WaitAsync(cancellationToken);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_vectors is not null) return;
            var directory = Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath);
            Directory.CreateDirectory(directory);
            DatabasePath = Path.Combine(directory, options.Value.IndexFileName);
            var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true }.ToString();
            await using (var connection = await ConnectAsync(connectionString, cancellationToken))
                await SqliteSchema.CreateAsync(connection, cancellationToken);

            var vectors = new EmbeddedVectors(options.Value, new GraphFiles(DatabasePath), ct => ConnectAsync(connectionString, ct), _writeLock, logger);
            var started = Stopwatch.GetTimestamp();
            await vectors.OpenAsync(new Progress<string>(message => logger.LogInformation("{Progress}", message)), cancellationToken);
            _keywords = new KeywordSearch(options.Value, ct => ConnectAsync(connectionString, ct), _writeLock, logger);
            (_connectionString, _vectors) = (connectionString, vectors);
            RagTelemetry.Meter.CreateObservableGauge(RagTelemetry.GraphBacklogGauge, ObserveBacklog,
                "{vector}", "Written vectors and removals the embedded index's graph has not taken yet (searched exactly meanwhile).");
            logger.LogInformation("Embedded index {Path} opened with {Chunks} chunks ({Method} vector search) in {Seconds:F1} s",
                DatabasePath, vectors.Count, vectors.Method, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        finally
        {
            _initLock.Release();
        }
    }

    public async Task<IndexedDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (await SqliteChunkReader.ReadDocumentsAsync(connection, documentId, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<IndexedDocument>> ListDocumentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteChunkReader.ReadDocumentsAsync(connection, null, cancellationToken);
    }

    public async Task ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        await WriteAsync(document.Id, async (connection, transaction) =>
        {
            var (_, removed) = await SqliteChunkWriter.DeleteAsync(connection, transaction, document.Id, cancellationToken);
            // The document row (with its hash) is written in the same transaction: a crash before commit leaves the old version.
            var keys = await SqliteChunkWriter.InsertAsync(connection, transaction, document, chunks, cancellationToken);
            var added = chunks.Select((c, i) => new StoredVector(keys[i], c.DocumentId, document.Course, c.Vector.ToArray())).ToList();
            return (added, removed, true);
        }, cancellationToken);
    }

    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        await WriteAsync(documentId, async (connection, transaction) =>
        {
            var (deleted, removed) = await SqliteChunkWriter.DeleteAsync(connection, transaction, documentId, cancellationToken);
            return ([], removed, deleted);
        }, cancellationToken);

    public async Task<IReadOnlyList<Candidate>> FindByVectorAsync(ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        if (_vectors is null) await InitializeAsync(cancellationToken);
        var found = _vectors!.Search(query.Span, topK, filter);
        Activity.Current?.SetTag("canopy.rag.vector.method", _vectors.Method);
        return [.. found.Select(f => new Candidate(RefOf(f.Key), f.Score))];
    }

    public async Task<IReadOnlyList<Candidate>> FindByKeywordsAsync(string query, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        var words = Fts5Query.Terms(query);
        if (words.Count == 0) return [];
        await using var connection = await OpenAsync(cancellationToken);
        var ranked = await _keywords!.SearchAsync(connection, words, topK, filter, _vectors!, cancellationToken);
        return [.. ranked.Select(r => new Candidate(RefOf(r.Key), r.Score))];
    }

    // One statement reads the chunks' text and metadata; a chunk deleted since the search is left out.
    public async Task<IReadOnlyList<Candidate>> ReadAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0) return [];
        var keys = candidates.Select(c => long.Parse(c.Ref, CultureInfo.InvariantCulture)).ToList();
        await using var connection = await OpenAsync(cancellationToken);
        var chunks = await SqliteChunkReader.ReadChunksAsync(connection, [.. keys.Distinct()], _headers, cancellationToken);
        return [.. candidates.Select((c, i) => chunks.TryGetValue(keys[i], out var chunk) ? c with { Chunk = chunk } : null).OfType<Candidate>()];
    }

    private static string RefOf(long key) => key.ToString(CultureInfo.InvariantCulture);

    // One writer at a time: the SQLite transaction commits first, then the in-memory vectors follow (a search meanwhile
    // may still meet a removed key, and ReadTopAsync drops it because SQLite no longer has it).
    private async Task<bool> WriteAsync(
        string documentId,
        Func<SqliteConnection, SqliteTransaction, Task<(IReadOnlyList<StoredVector> Added, IReadOnlyList<long> Removed, bool Result)>> write,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var (added, removed, result) = await write(connection, transaction);
            var seq = await VectorLog.LastSeqAsync(connection, cancellationToken, transaction);
            await transaction.CommitAsync(cancellationToken);
            _headers.Forget(documentId);
            _vectors!.Apply(added, removed, seq);
            _keywords!.Written(added.Count + removed.Count, _vectors.Count);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null) await InitializeAsync(cancellationToken);
        return await ConnectAsync(_connectionString!, cancellationToken);
    }

    private static async Task<SqliteConnection> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await SqliteDurability.ApplyAsync(connection, cancellationToken);
        await using var command = connection.CreateCommand();
        // Reads of result rows and FTS5 postings come from the page cache without a copy; 256 MB bounds what it maps.
        command.CommandText = "PRAGMA mmap_size = 268435456;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    // An instrument outlives its index (a meter cannot drop one): once disposed, the index reports nothing.
    private IEnumerable<Measurement<int>> ObserveBacklog()
    {
        if (Volatile.Read(ref _disposed)) return [];
        try { return [new Measurement<int>(GraphBacklog)]; }
        catch (ObjectDisposedException) { return []; }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _vectors?.Dispose();
        _keywords?.Dispose();
        _writeLock.Dispose();
        _initLock.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
