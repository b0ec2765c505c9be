namespace Canopy.Rag.VectorStore;

/// <summary>The index cannot run keyword search (no BM25 field, or the store refused it); vector search still works.</summary>
public sealed class KeywordSearchUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
