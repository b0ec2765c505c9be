using System.Data.Common;

namespace Canopy.Api.Llm;

/// <summary>An OpenAI-compatible server: <c>Endpoint=http://host:8000/v1;Key=...;Model=...</c>.</summary>
public sealed record LlmConnectionString(Uri Endpoint, string? Key, string Model)
{
    public static LlmConnectionString Parse(string? connectionString, string name)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"The connection string '{name}' is required for this LLM mode (Endpoint=...;Key=...;Model=...).");
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Get(string key) => builder.TryGetValue(key, out var value) ? value?.ToString() : null;
        var endpoint = Get("Endpoint");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"The connection string '{name}' needs Endpoint=http(s)://host[:port]/v1; got '{endpoint}'.");
        var model = Get("Model");
        if (string.IsNullOrWhiteSpace(model))
            throw new InvalidOperationException($"The connection string '{name}' needs Model=<served model name>.");
        return new LlmConnectionString(uri, Get("Key"), model);
    }
}
