using Canopy.Rag.VectorStore;

namespace Canopy.TestUtilities.Rag;

/// <summary>A real index passed through, for tests that watch or hold one of its calls (override that one).</summary>
public abstract class DelegatingVectorIndex(IVectorIndex inner) : IVectorIndex
{
    protected IVectorIndex Inner => inner;

    public string SystemName => inner.SystemName;

    public string CollectionName => inner.CollectionName;

    public string VectorSearchSpanName => inner.VectorSearchSpanName;

    public virtual Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public virtual Task<IndexedDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) => inner.GetDocumentAsync(documentId, cancellationToken);

    public virtual Task<IReadOnlyList<IndexedDocument>> ListDocumentsAsync(CancellationToken cancellationToken) => inner.ListDocumentsAsync(cancellationToken);

    public virtual Task ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken) =>
        inner.ReplaceDocumentAsync(document, chunks, cancellationToken);

    public virtual Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken) => inner.DeleteDocumentAsync(documentId, cancellationToken);

    public virtual Task<IReadOnlyList<Candidate>> FindByVectorAsync(ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken) =>
        inner.FindByVectorAsync(query, topK, filter, cancellationToken);

    public virtual Task<IReadOnlyList<Candidate>> FindByKeywordsAsync(string query, int topK, SearchFilter filter, CancellationToken cancellationToken) =>
        inner.FindByKeywordsAsync(query, topK, filter, cancellationToken);

    public virtual Task<IReadOnlyList<Candidate>> ReadAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken) =>
        inner.ReadAsync(candidates, cancellationToken);
}
