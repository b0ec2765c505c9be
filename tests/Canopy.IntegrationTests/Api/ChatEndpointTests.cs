using System.Net;

namespace Canopy.IntegrationTests.Api;

public sealed class ChatEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"message":""}""", "message" },
        { """{"message":"   "}""", "message" },
        { $$"""{"message":"{{new string('a', Canopy.Contracts.RequestLimits.MaxMessageLength + 1)}}"}""", "message" },
        { """{"message":"hi","feature":"poetry"}""", "feature" },
        { """{"message":"hi","history":[{"role":"system","content":"x"}]}""", "history" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_chat_requests_get_problem_details_naming_the_field(string body, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/chat", new StringContent("{\"message\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_turn_streams_as_uncached_server_sent_events_named_by_its_trace()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/chat", new { message = "Leaf area index is leaf area per ground area. It sets how much light is caught.", feature = "summarize" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var events = new List<ChatEvent>();
        await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(), CancellationToken.None)) events.Add(e);
        Assert.Equal(Assert.IsType<StartEvent>(events[0]).TraceId, Assert.Single(response.Headers.GetValues("X-Trace-Id")));
        Assert.Equal("done", events[^1].Type);
    }

    private sealed record ValidationProblem(int Status, Dictionary<string, string[]> Errors);
}
