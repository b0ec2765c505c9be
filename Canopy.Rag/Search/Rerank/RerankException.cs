namespace Canopy.Rag.Search.Rerank;

/// <summary>The rerank service answered with an error or with something that is not a rerank result.</summary>
public sealed class RerankException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
