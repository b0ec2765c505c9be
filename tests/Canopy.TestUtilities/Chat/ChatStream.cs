using System.Net.Http.Json;
using Canopy.Contracts.Chat;

namespace Canopy.TestUtilities.Chat;

/// <summary>Reads one chat turn's events, failing the test (not hanging it) when the deadline passes first.</summary>
public static class ChatStream
{
    /// <summary>
    /// A third of the old 30 s wait: a turn that waited on a dead canopy-rag fails the test. One search attempt (3 s) plus
    /// the guardrails and the first error path took over 6 s on the 2-core machine while other AppHosts were starting.
    /// </summary>
    public static readonly TimeSpan FailFastDeadline = TimeSpan.FromSeconds(10);

    public static async Task<List<ChatEvent>> AskAsync(HttpClient client, string message, string? feature, TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        try
        {
            using var response = await client.PostAsJsonAsync("/api/chat", new { message, feature }, cts.Token);
            response.EnsureSuccessStatusCode();
            var events = new List<ChatEvent>();
            await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(cts.Token), cts.Token)) events.Add(e);
            return events;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"The chat turn did not end within {deadline.TotalSeconds:0.#} s.");
        }
    }

    public static ErrorEvent Error(IReadOnlyList<ChatEvent> events, string stage)
    {
        Assert.Equal("error", events[^1].Type);
        var error = Assert.IsType<ErrorEvent>(events[^1]);
        Assert.Equal(stage, error.Stage);
        return error;
    }

    public static void AssertSearchUnavailable(IReadOnlyList<ChatEvent> events)
    {
        var error = Error(events, "retrieval");
        Assert.Contains("course search", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("unavailable", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
