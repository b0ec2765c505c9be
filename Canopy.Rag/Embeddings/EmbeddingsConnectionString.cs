using System.Globalization;

namespace Canopy.Rag.Embeddings;

/// <summary>An OpenAI-compatible embeddings server: <c>Endpoint=http://host:8000/v1;Key=...;Model=...;Dimensions=384</c>.</summary>
public sealed record EmbeddingsConnectionString(Uri Endpoint, string? Key, string Model, int? Dimensions)
{
    public static EmbeddingsConnectionString Parse(string? connectionString)
    {
        const string name = EmbeddingOptions.ConnectionStringName;
        var parsed = ModelEndpointConnectionString.Parse(connectionString, name,
            $"Embeddings provider 'openai' needs the connection string '{name}' (Endpoint=http://host:8000/v1;Key=...;Model=...;Dimensions=...).");
        int? dimensions = null;
        if (parsed["Dimensions"] is { Length: > 0 } text)
        {
            dimensions = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is > 0 and <= 65536
                ? d
                : throw new InvalidOperationException($"The connection string '{name}' has Dimensions='{text}'; it must be a positive whole number.");
        }
        return new EmbeddingsConnectionString(parsed.Endpoint, parsed.Key, parsed.Model, dimensions);
    }
}
