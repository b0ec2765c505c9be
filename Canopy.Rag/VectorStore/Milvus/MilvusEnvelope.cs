using System.Text.Json;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>The <c>{code, data, message}</c> wrapper around every REST v2 answer.</summary>
internal sealed record MilvusEnvelope(int Code, string? Message, JsonElement Data)
{
    // Milvus 2.4 and later answer 0 on success; earlier 2.x releases answered 200 on some actions, with no message.
    public bool IsSuccess => Code == 0 || (Code == 200 && string.IsNullOrEmpty(Message));

    public static MilvusEnvelope? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code) || !TryReadCode(code, out var value))
                return null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
            return new MilvusEnvelope(value, message, data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadCode(JsonElement code, out int value)
    {
        value = 0;
        return code.ValueKind switch
        {
            JsonValueKind.Number => code.TryGetInt32(out value),
            JsonValueKind.String => int.TryParse(code.GetString(), System.Globalization.CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
