using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>
/// The index in Milvus: chunks with dense and BM25 vectors in one collection, document records in a second.
/// Milvus has no transactions, so a replace writes new chunks, then deletes stale ones, then writes the record
/// with its content hash last: an interrupted replace leaves an old or missing hash and is redone on the next start.
/// While a replace runs, a search may see old and new chunks of that document together.
/// </summary>
public sealed class MilvusVectorIndex(MilvusRestClient client, IOptions<MilvusOptions> options, ILogger<MilvusVectorIndex> logger)
    : IVectorIndex, IDisposable
{
    private const int UpsertBatchSize = 64;

    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly MilvusOptions _options = options.Value;
    private readonly MilvusCollections _collections = new(client, options.Value, logger);
    private volatile bool _initialized;
    private bool _fullTextSearch;
    private int _keywordFailureLogged;

    public string SystemName => "milvus";
    public string CollectionName => _options.CollectionName;
    public string VectorSearchSpanName => RagTelemetry.MilvusSearchSpan;

    /// <summary>Whether keyword search runs in Milvus (known after initialisation).</summary>
    public bool SupportsFullTextSearch => _fullTextSearch;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized) return;
            _fullTextSearch = await _collections.EnsureChunksAsync(cancellationToken);
            await _collections.EnsureDocumentsAsync(cancellationToken);
            await _collections.LoadAsync(_options.CollectionName, cancellationToken);
            await _collections.LoadAsync(_options.DocumentsCollectionName, cancellationToken);
            _initialized = true;
            logger.LogInformation("Milvus collections {Chunks} and {Documents} ready in database {Database} (full-text search: {FullText})",
                _options.CollectionName, _options.DocumentsCollectionName, client.Database, _fullTextSearch);
        }
        finally
        {
            _initLock.Release();
        }
    }

    public async Task<IndexedDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var rows = await client.QueryAsync(new MilvusQueryRequest(_options.DocumentsCollectionName,
            MilvusFilter.Equal(MilvusSchema.Id, documentId), MilvusSchema.DocumentOutputFields, 1), cancellationToken);
        return rows.Count == 0 ? null : MilvusRows.ReadDocument(rows[0]);
    }

    public async Task<IReadOnlyList<IndexedDocument>> ListDocumentsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        var rows = await client.QueryAsync(new MilvusQueryRequest(_options.DocumentsCollectionName,
            $"{MilvusSchema.Id} != \"\"", MilvusSchema.DocumentOutputFields, MilvusRestClient.MaxLimit), cancellationToken);
        if (rows.Count >= MilvusRestClient.MaxLimit)
            logger.LogWarning("Milvus listed {Count} documents, its query limit: further documents are not listed", rows.Count);
        return [.. rows.Select(MilvusRows.ReadDocument).OrderBy(d => d.Title, StringComparer.Ordinal)];
    }

    public async Task ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            if (chunk.DocumentId != document.Id)
                throw new ArgumentException($"Chunk {chunk.Id} belongs to {chunk.DocumentId}, not to {document.Id}.", nameof(chunks));
            if (chunk.Vector.Length != _options.Dimensions)
                throw new ArgumentException($"Chunk {chunk.Id} has {chunk.Vector.Length} dimensions; the collection holds {_options.Dimensions}.", nameof(chunks));
        }

        await EnsureInitializedAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            foreach (var batch in chunks.Chunk(UpsertBatchSize))
                await client.UpsertAsync(_options.CollectionName, [.. batch.Select(MilvusRows.Chunk)], cancellationToken);
            var keep = chunks.Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
            await client.DeleteAsync(_options.CollectionName, MilvusFilter.StaleChunks(document.Id, keep), cancellationToken);
            JsonObject record = MilvusRows.Document(document with { ChunkCount = chunks.Count });
            await client.UpsertAsync(_options.DocumentsCollectionName, [record], cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        var existing = await GetDocumentAsync(documentId, cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Chunks first: if interrupted, the record survives and the next start deletes again.
            await client.DeleteAsync(_options.CollectionName, MilvusFilter.Equal(MilvusSchema.DocumentId, documentId), cancellationToken);
            await client.DeleteAsync(_options.DocumentsCollectionName, MilvusFilter.Equal(MilvusSchema.Id, documentId), cancellationToken);
            return existing is not null;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<Candidate>> FindByVectorAsync(ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        if (topK <= 0) return [];
        if (query.Length != _options.Dimensions)
            throw new ArgumentException($"The query has {query.Length} dimensions; the collection holds {_options.Dimensions}.", nameof(query));
        await EnsureInitializedAsync(cancellationToken);

        var limit = Math.Min(topK, MilvusRestClient.MaxLimit);
        var request = new MilvusSearchRequest(_options.CollectionName, [query.ToArray()], MilvusSchema.Vector, limit, MilvusSchema.ChunkOutputFields)
        {
            Filter = MilvusFilter.For(filter),
            // HNSW needs ef >= limit; a floor of 64 keeps recall high for small requests.
            SearchParams = new MilvusSearchParams("COSINE", new Dictionary<string, object> { ["ef"] = Math.Clamp(Math.Max(limit, 64), 1, 32768) }),
        };
        var rows = await client.SearchAsync(request, cancellationToken);
        return [.. rows.Select(ToCandidate)];
    }

    public async Task<IReadOnlyList<Candidate>> FindByKeywordsAsync(string query, int topK, SearchFilter filter, CancellationToken cancellationToken)
    {
        if (topK <= 0 || string.IsNullOrWhiteSpace(query)) return [];
        await EnsureInitializedAsync(cancellationToken);
        if (!_fullTextSearch)
            throw KeywordSearchUnavailable(null, "the collection was created without a BM25 field");

        var request = new MilvusSearchRequest(_options.CollectionName, [query], MilvusSchema.Sparse, Math.Min(topK, MilvusRestClient.MaxLimit), MilvusSchema.ChunkOutputFields)
        {
            Filter = MilvusFilter.For(filter),
            SearchParams = new MilvusSearchParams("BM25"),
        };
        try
        {
            var rows = await client.SearchAsync(request, cancellationToken);
            return [.. rows.Select(ToCandidate)];
        }
        catch (MilvusException ex) when (ex.IsRefusal && !ex.IsCollectionNotFound && !ex.IsCollectionNotLoaded)
        {
            throw KeywordSearchUnavailable(ex, "Milvus refused the full-text search");
        }
    }

    // Milvus returns whole rows: the candidates are read already.
    public Task<IReadOnlyList<Candidate>> ReadAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken) =>
        Task.FromResult(candidates);

    private static Candidate ToCandidate(System.Text.Json.JsonElement row)
    {
        var chunk = MilvusRows.ReadChunk(row);
        return new Candidate(chunk.Id, MilvusRows.Score(row), chunk);
    }

    public void Dispose()
    {
        _initLock.Dispose();
        _writeLock.Dispose();
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (!_initialized) await InitializeAsync(cancellationToken);
    }

    private KeywordSearchUnavailableException KeywordSearchUnavailable(MilvusException? refusal, string reason)
    {
        // Every search says so on its span and in a metric; the log says it once.
        if (Interlocked.Exchange(ref _keywordFailureLogged, 1) == 0)
            logger.LogWarning(refusal, "Keyword search in Milvus collection {Collection} is unavailable: {Reason}", _options.CollectionName, reason);
        return new KeywordSearchUnavailableException($"Keyword search in Milvus collection '{_options.CollectionName}' is unavailable: {reason}.", refusal);
    }
}
