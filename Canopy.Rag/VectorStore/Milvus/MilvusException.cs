using System.Net;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>A Milvus REST call that failed: a non-zero envelope code (usually with HTTP 200) or a non-success HTTP status.</summary>
public sealed class MilvusException : Exception
{
    public const int CollectionNotFoundCode = 100;
    public const int CollectionNotLoadedCode = 101;

    /// <summary>Milvus's <c>ErrParameterInvalid</c>, which servers before 2.5 answer to a BM25 function, sparse BM25 index or analyzer.</summary>
    public const int ParameterInvalidCode = 1100;

    public MilvusException(string action, int code, string serverMessage, HttpStatusCode statusCode, Exception? innerException = null)
        : base(Describe(action, code, serverMessage, statusCode), innerException)
    {
        Action = action;
        Code = code;
        ServerMessage = serverMessage;
        StatusCode = statusCode;
    }

    /// <summary>The REST action, such as <c>collections/describe</c> or <c>entities/search</c>.</summary>
    public string Action { get; }

    /// <summary>The Milvus error code of the envelope; 0 when the response carried none.</summary>
    public int Code { get; }

    /// <summary>The message Milvus gave, or the start of the body when it was not an envelope.</summary>
    public string ServerMessage { get; }

    public HttpStatusCode StatusCode { get; }

    public bool IsCollectionNotFound => Code == CollectionNotFoundCode;

    public bool IsCollectionNotLoaded => Code == CollectionNotLoadedCode;

    /// <summary>
    /// True when Milvus refused a schema because it cannot do BM25 full-text search (before 2.5): an invalid parameter
    /// naming the BM25 function, the sparse field or its index, or the analyzer.
    /// </summary>
    public bool IsFullTextUnsupported => IsRefusal && Code == ParameterInvalidCode
        && FullTextWords.Any(w => ServerMessage.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] FullTextWords = ["bm25", "sparse", "function", "analyzer"];

    /// <summary>True when Milvus answered the request and refused it (HTTP 200 with an error code), as opposed to a transport or auth failure.</summary>
    public bool IsRefusal => StatusCode == HttpStatusCode.OK && Code != 0;

    private static string Describe(string action, int code, string serverMessage, HttpStatusCode statusCode) =>
        statusCode == HttpStatusCode.OK
            ? $"Milvus {action} failed with code {code}: {serverMessage}"
            : $"Milvus {action} failed with HTTP {(int)statusCode} {statusCode}" + (code != 0 ? $", code {code}" : "") + $": {serverMessage}";
}
