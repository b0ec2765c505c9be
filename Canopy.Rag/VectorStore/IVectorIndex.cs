namespace Canopy.Rag.VectorStore;

/// <summary>The store of chunks and their vectors: the embedded SQLite index or Milvus.</summary>
public interface IVectorIndex
{
    /// <summary>Value of <c>db.system.name</c> on spans (sqlite, milvus).</summary>
    string SystemName { get; }

    /// <summary>Value of <c>db.collection.name</c> on spans.</summary>
    string CollectionName { get; }

    /// <summary>Name of the span around a vector search: <c>vector-search</c> or <c>milvus-search</c>.</summary>
    string VectorSearchSpanName { get; }

    Task InitializeAsync(CancellationToken cancellationToken);

    Task<IndexedDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<IndexedDocument>> ListDocumentsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces every chunk of the document at once: readers see the old version or the new one, never a mix.</summary>
    Task ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken);

    Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>The chunks nearest the query vector, best first, possibly without their text (see <see cref="ReadAsync"/>).</summary>
    Task<IReadOnlyList<Candidate>> FindByVectorAsync(ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken);

    /// <summary>Full-text (BM25) search, best first, possibly without text; an index without it throws <see cref="KeywordSearchUnavailableException"/>.</summary>
    Task<IReadOnlyList<Candidate>> FindByKeywordsAsync(string query, int topK, SearchFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The candidates with their chunks, in the order given; a chunk deleted since it was found is left out. Searches
    /// leave reading to the caller so that only the chunks that make the answer are read.
    /// </summary>
    Task<IReadOnlyList<Candidate>> ReadAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken);
}
