using System.Data.Common;
using System.Globalization;

namespace Canopy.Rag.Embeddings;

/// <summary>An OpenAI-compatible embeddings server: <c>Endpoint=http://host:8000/v1;Key=...;Model=...;Dimensions=384</c>.</summary>
public sealed record EmbeddingsConnectionString(Uri Endpoint, string? Key, string Model, int? Dimensions)
{
    public static EmbeddingsConnectionString Parse(string? connectionString)
    {
        const string name = EmbeddingOptions.ConnectionStringName;
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"Embeddings provider 'openai' needs the connection string '{name}' (Endpoint=http://host:8000/v1;Key=...;Model=...;Dimensions=...).");
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Get(string key) => builder.TryGetValue(key, out var value) ? value?.ToString() : null;
        var endpoint = Get("Endpoint");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"The connection string '{name}' needs Endpoint=http(s)://host[:port]/v1; got '{endpoint}'.");
        var model = Get("Model");
        if (string.IsNullOrWhiteSpace(model))
            throw new InvalidOperationException($"The connection string '{name}' needs Model=<served embedding model name>.");
        int? dimensions = null;
        if (Get("Dimensions") is { Length: > 0 } text)
        {
            dimensions = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is > 0 and <= 65536
                ? d
                : throw new InvalidOperationException($"The connection string '{name}' has Dimensions='{text}'; it must be a positive whole number.");
        }
        return new EmbeddingsConnectionString(uri, Get("Key"), model, dimensions);
    }
}
