using System.Text.Json;

namespace Canopy.Web.ApiCalls;

/// <summary>Reads the words of a problem details body: every validation error, else the detail.</summary>
public static class ProblemText
{
    public static string? Of(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var messages = errors.EnumerateObject()
                    .SelectMany(e => e.Value.ValueKind == JsonValueKind.Array ? e.Value.EnumerateArray().Select(v => v.GetString()) : [e.Value.GetString()])
                    .Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
                if (messages.Count > 0) return string.Join(" ", messages);
            }
            return root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
