namespace Canopy.Api.Llm;

/// <summary>An OpenAI-compatible server: <c>Endpoint=http://host:8000/v1;Key=...;Model=...</c>.</summary>
public sealed record LlmConnectionString(Uri Endpoint, string? Key, string Model)
{
    public static LlmConnectionString Parse(string? connectionString, string name)
    {
        var parsed = ModelEndpointConnectionString.Parse(connectionString, name,
            $"The connection string '{name}' is required for this LLM mode (Endpoint=...;Key=...;Model=...).");
        return new LlmConnectionString(parsed.Endpoint, parsed.Key, parsed.Model);
    }
}
