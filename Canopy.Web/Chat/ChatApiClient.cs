using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Canopy.Contracts.Chat;
using Canopy.Web.Identity;

namespace Canopy.Web.Chat;

/// <summary>Talks to canopy-be's <c>POST /api/chat</c> and yields its events as they arrive.</summary>
public sealed class ChatApiClient(HttpClient http)
{
    /// <remarks>Cancelling <paramref name="cancellationToken"/> aborts the HTTP request, which canopy-be sees as RequestAborted.</remarks>
    public async IAsyncEnumerable<ChatEvent> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(request) };
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await ChatApiException.FromAsync(response, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in ChatEventStream.ReadAsync(stream, cancellationToken))
            yield return item;
    }
}

/// <summary>canopy-be refused the turn; <see cref="StudentMessage"/> says why in words a student can act on.</summary>
public sealed class ChatApiException(string message, string studentMessage) : Exception(message)
{
    public string StudentMessage { get; } = studentMessage;

    public static async Task<ChatApiException> FromAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        var student = status switch
        {
            401 => SessionExpiry.Message,
            503 or 429 => "Canopy is busy answering other questions. Please try again in a few seconds.",
            >= 400 and < 500 => ProblemDetail(body) ?? "Canopy could not accept this question.",
            _ => "Canopy's chat service is unavailable right now. Please try again in a moment.",
        };
        return new ChatApiException($"canopy-be answered {status}: {body}", student);
    }

    private static string? ProblemDetail(string body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == System.Text.Json.JsonValueKind.Object
                ? string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(v => v.GetString())))
                : json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
