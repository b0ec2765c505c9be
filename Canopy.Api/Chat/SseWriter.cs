using System.Text;
using System.Text.Json;

namespace Canopy.Api.Chat;

/// <summary>Writes server-sent events, one flush per event so the browser sees each delta at once.</summary>
public sealed class SseWriter(Stream stream)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task WriteAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(chatEvent, chatEvent.GetType(), Json);
        var frame = $"event: {chatEvent.Type}\ndata: {json}\n\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(frame), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>A comment line keeps proxies from closing an idle stream.</summary>
    public async Task WriteCommentAsync(string comment, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes($": {comment.Replace('\n', ' ')}\n\n"), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
