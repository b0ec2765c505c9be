using System.Net.Http.Json;
using System.Runtime.CompilerServices;

namespace Canopy.Web.Chat;

public sealed record ChatHistoryTurn(string Role, string Content);

public sealed record ChatApiRequest(string Message, string ConversationId, string? Feature = null, IReadOnlyList<ChatHistoryTurn>? History = null);

/// <summary>Talks to canopy-be's <c>POST /api/chat</c> and yields its events as they arrive.</summary>
public sealed class ChatApiClient(HttpClient http)
{
    /// <remarks>Cancelling <paramref name="cancellationToken"/> aborts the HTTP request, which canopy-be sees as RequestAborted.</remarks>
    public async IAsyncEnumerable<ChatStreamEvent> StreamAsync(ChatApiRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(request) };
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ChatApiException($"canopy-be answered {(int)response.StatusCode}: {detail}");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseReader.ReadAsync(stream, cancellationToken))
            yield return item;
    }
}

public sealed class ChatApiException(string message) : Exception(message);
