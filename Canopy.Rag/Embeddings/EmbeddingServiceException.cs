namespace Canopy.Rag.Embeddings;

/// <summary>The embeddings server answered with an error or with something that is not a list of embeddings.</summary>
public sealed class EmbeddingServiceException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
