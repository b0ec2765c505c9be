using System.Text.Json;

namespace Canopy.Rag.Embeddings;

/// <summary>The reason an HTTP model server gives in an error body: error.message (OpenAI), message or detail, else the raw text cut short.</summary>
public static class ServiceErrorText
{
    public static string From(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                    return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.ToString() : error.ToString();
                if (root.TryGetProperty("message", out var message)) return message.ToString();
                if (root.TryGetProperty("detail", out var detail)) return detail.ToString();
            }
        }
        catch (JsonException)
        {
        }
        return body.Length > 300 ? body[..300] + "…" : body;
    }
}
