using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Canopy.Web.Chat;

/// <summary>Reads a text/event-stream: <c>event:</c> and <c>data:</c> lines, a blank line ends an event.</summary>
public static class SseReader
{
    public static async IAsyncEnumerable<ChatStreamEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? type = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    using var document = JsonDocument.Parse(data.ToString());
                    var payload = document.RootElement.Clone();
                    var name = type ?? (payload.TryGetProperty("type", out var t) ? t.GetString() : null) ?? "message";
                    yield return new ChatStreamEvent(name, payload);
                }
                type = null;
                data.Clear();
            }
            else if (line.StartsWith(':')) continue;
            else if (line.StartsWith("event:", StringComparison.Ordinal)) type = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0) data.Append('\n');
                data.Append(line[5..].TrimStart());
            }
        }
    }
}
