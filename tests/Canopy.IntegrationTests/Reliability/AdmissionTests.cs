using System.Net;
using System.Text.Json;

namespace Canopy.IntegrationTests.Reliability;

/// <summary>With one slot and no queue, a second concurrent turn is shed at once with 503, Retry-After and problem details.</summary>
public sealed class AdmissionTests
{
    private const string Text = "Leaf area index is the leaf area per unit of ground area. It controls how much light the canopy intercepts.";

    [Fact]
    public async Task A_turn_beyond_the_slots_and_queue_is_shed_with_retry_after_and_the_next_one_is_served()
    {
        await using var model = await ScriptedModelServer.StartAsync(ModelScript.StallMidStream);
        using var factory = new SignedInFactory<ChatPipeline>().WithWebHostBuilder(b => b
            .UseSetting("Canopy:Llm", "endpoint")
            .UseSetting("ConnectionStrings:llm", model.ConnectionString)
            .UseSetting("Canopy:Admission:ConcurrentTurns", "1")
            .UseSetting("Canopy:Admission:QueuedTurns", "0")
            .UseSetting("Canopy:Admission:RetryAfterSeconds", "2")
            .UseSetting("Canopy:Feedback:DataPath", TestDirectory.Create("canopy-be-admission-tests-")));
        using var client = factory.CreateClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // The first turn holds the only slot: the model has sent a sentence and waits to be released.
        using var firstRequest = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { message = Text, feature = "summarize" }) };
        using var first = await client.SendAsync(firstRequest, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        var firstEvents = ChatEventStream.ReadAsync(await first.Content.ReadAsStreamAsync(deadline.Token), deadline.Token).GetAsyncEnumerator(deadline.Token);
        while (await firstEvents.MoveNextAsync() && firstEvents.Current.Type != "delta") { }

        using var shed = await client.PostAsJsonAsync("/api/chat", new { message = Text, feature = "summarize" }, deadline.Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, shed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), shed.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", shed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("busy", (await shed.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("title").GetString());

        // /v1 draws on the same slot, and answers in OpenAI's shape.
        using var shedV1 = await client.PostAsJsonAsync("/v1/chat/completions",
            new { model = "canopy-summarize", messages = new[] { new { role = "user", content = Text } } }, deadline.Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, shedV1.StatusCode);
        Assert.NotNull(shedV1.Headers.RetryAfter);
        Assert.Equal("overloaded", (await shedV1.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("error").GetProperty("code").GetString());

        // Once the first turn ends its slot is free again.
        model.Release.TrySetResult();
        while (await firstEvents.MoveNextAsync()) { }
        await firstEvents.DisposeAsync();
        var next = await ChatStream.AskAsync(client, Text, "summarize", TimeSpan.FromSeconds(30));
        Assert.Equal("done", next[^1].Type);
    }
}
