using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// The embedded index: one SQLite file holds documents, chunks, vectors and an FTS5 table;
/// vectors are also kept in memory for an exact dot-product scan (embeddings are normalised, so dot = cosine).
/// </summary>
public sealed class SqliteVectorIndex(IOptions<EmbeddedIndexOptions> options, IHostEnvironment environment, ILogger<SqliteVectorIndex> logger)
    : IVectorIndex, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile IReadOnlyList<IndexedChunk> _chunks = [];
    private string? _connectionString;

    public string SystemName => "sqlite";
    public string CollectionName => "chunks";
    public string VectorSearchSpanName => RagTelemetry.VectorSearchSpan;

    public string DatabasePath { get; private set; } = "";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_connectionString is not null) return;
            var directory = Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath);
            Directory.CreateDirectory(directory);
            DatabasePath = Path.Combine(directory, options.Value.IndexFileName);
            var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await SqliteSchema.CreateAsync(connection, cancellationToken);
            _chunks = await SqliteChunkReader.ReadAllAsync(connection, null, cancellationToken);
            _connectionString = connectionString;
            logger.LogInformation("Embedded index {Path} opened with {Chunks} chunks", DatabasePath, _chunks.Count);
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
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await SqliteChunkWriter.DeleteAsync(connection, transaction, document.Id, cancellationToken);
            await SqliteChunkWriter.InsertAsync(connection, transaction, document, chunks, cancellationToken);
            // The document row (with its hash) is written last in the same transaction: a crash before commit leaves the old version.
            await transaction.CommitAsync(cancellationToken);
            _chunks = [.. _chunks.Where(c => c.DocumentId != document.Id), .. chunks];
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var deleted = await SqliteChunkWriter.DeleteAsync(connection, transaction, documentId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _chunks = [.. _chunks.Where(c => c.DocumentId != documentId)];
            return deleted;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<ScoredChunk>> SearchVectorAsync(ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        var snapshot = _chunks;
        var top = new PriorityQueue<IndexedChunk, float>(topK + 1);
        var q = query.Span;
        foreach (var chunk in snapshot)
        {
            if (!filter.IsEmpty && !filter.Matches(chunk)) continue;
            var score = TensorPrimitives.Dot(q, chunk.Vector.Span);
            top.Enqueue(chunk, score);
            if (top.Count > topK) top.Dequeue();
        }
        var results = new List<ScoredChunk>(top.Count);
        while (top.TryDequeue(out var chunk, out var score)) results.Add(new ScoredChunk(chunk, score));
        results.Reverse();
        return Task.FromResult<IReadOnlyList<ScoredChunk>>(results);
    }

    public async Task<IReadOnlyList<ScoredChunk>> SearchKeywordsAsync(string query, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        var match = Fts5Query.FromUserText(query);
        if (match is null) return [];
        await using var connection = await OpenAsync(cancellationToken);
        // Over-fetch so that filtering afterwards still leaves topK results.
        var limit = filter.IsEmpty ? topK : topK * 8;
        var ranked = await SqliteChunkReader.SearchFtsAsync(connection, match, limit, cancellationToken);
        var byId = _chunks.ToDictionary(c => c.Id);
        return [.. ranked
            .Where(r => byId.ContainsKey(r.ChunkId))
            .Select(r => new ScoredChunk(byId[r.ChunkId], r.Score))
            .Where(r => filter.IsEmpty || filter.Matches(r.Chunk))
            .Take(topK)];
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null) await InitializeAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await SqliteDurability.ApplyAsync(connection, cancellationToken);
        return connection;
    }

    internal static byte[] ToBlob(ReadOnlyMemory<float> vector) => MemoryMarshal.AsBytes(vector.Span).ToArray();

    internal static float[] FromBlob(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();

    public void Dispose()
    {
        _writeLock.Dispose();
        _initLock.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
