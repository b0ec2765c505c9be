using Canopy.TestUtilities.Files;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Canopy.IntegrationTests.Ingestion;

namespace Canopy.IntegrationTests.Security;

/// <summary>Each user has their own limits: over one, 429 with Retry-After and problem details; other users go on.</summary>
public sealed class RateLimitTests
{
    private const string Text = "Leaf area index is the leaf area per unit of ground area. It controls how much light the canopy intercepts.";

    private static WebApplicationFactory<ChatPipeline> CanopyBe(params (string Key, string Value)[] settings) =>
        new SignedInFactory<ChatPipeline>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Canopy:Llm", "extractive").UseSetting("Canopy:Feedback:DataPath", TestDirectory.Create("canopy-be-limits-"));
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });

    [Fact]
    public async Task A_user_over_the_chat_turns_a_minute_gets_429_and_another_user_does_not()
    {
        using var factory = CanopyBe(("Canopy:RateLimits:ChatTurnsPerMinute", "2"));
        using var instructor = factory.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var counted = await instructor.PostAsJsonAsync("/api/chat", new { });
            Assert.Equal(HttpStatusCode.BadRequest, counted.StatusCode);
        }
        using var refused = await instructor.PostAsJsonAsync("/api/chat", new { });

        var problem = await AssertTooManyAsync(refused, maxRetryAfter: 60);
        Assert.Contains("2 chat turns", problem.GetProperty("detail").GetString());
        using var student = As(factory.CreateClient(), "student");
        using var other = await student.PostAsJsonAsync("/api/chat", new { });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task A_user_over_the_v1_calls_a_minute_gets_429()
    {
        using var factory = CanopyBe(("Canopy:RateLimits:OpenAiCallsPerMinute", "1"));
        using var client = factory.CreateClient();

        using var first = await client.GetAsync("/v1/models");
        using var second = await client.GetAsync("/v1/models");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(second.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
    }

    [Fact]
    public async Task A_second_stream_of_the_same_user_gets_429_while_the_first_runs()
    {
        await using var model = await ScriptedModelServer.StartAsync(ModelScript.StallMidStream);
        using var factory = new SignedInFactory<ChatPipeline>().WithWebHostBuilder(b => b
            .UseSetting("Canopy:Llm", "endpoint")
            .UseSetting("ConnectionStrings:llm", model.ConnectionString)
            .UseSetting("Canopy:RateLimits:ConcurrentStreams", "1")
            .UseSetting("Canopy:RateLimits:StreamRetryAfterSeconds", "3")
            .UseSetting("Canopy:Feedback:DataPath", TestDirectory.Create("canopy-be-limits-")));
        using var client = factory.CreateClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var firstRequest = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { message = Text, feature = "summarize" }) };
        using var first = await client.SendAsync(firstRequest, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        var events = ChatEventStream.ReadAsync(await first.Content.ReadAsStreamAsync(deadline.Token), deadline.Token).GetAsyncEnumerator(deadline.Token);
        while (await events.MoveNextAsync() && events.Current.Type != "delta") { }

        using var second = await client.PostAsJsonAsync("/v1/chat/completions",
            new { model = "canopy-summarize", messages = new[] { new { role = "user", content = Text } } }, deadline.Token);
        using var student = As(factory.CreateClient(), "student");
        using var other = await student.PostAsJsonAsync("/api/chat", new { }, deadline.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), second.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        model.Release.TrySetResult();
        while (await events.MoveNextAsync()) { }
        await events.DisposeAsync();
    }

    [Fact]
    public async Task A_user_over_the_uploads_an_hour_gets_429_and_the_file_is_not_taken()
    {
        using var rag = new RagServiceFactory().WithWebHostBuilder(b => b.UseSetting("Canopy:Rag:RateLimits:UploadsPerHour", "1"));
        using var client = rag.CreateClient();

        using var first = await client.PostAsync("/api/documents", RagClient.Upload("# One\n\nPhotosynthesis turns light into sugar."u8.ToArray(), "one.md"));
        using var second = await client.PostAsync("/api/documents", RagClient.Upload("# Two\n\nRespiration releases energy."u8.ToArray(), "two.md"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertTooManyAsync(second, maxRetryAfter: 3600);
        var documents = await client.GetFromJsonAsync<List<Canopy.Contracts.Documents.DocumentInfo>>("/api/documents");
        Assert.DoesNotContain(documents!, d => d.Source.EndsWith("two.md", StringComparison.Ordinal));
    }

    private static HttpClient As(HttpClient client, string role)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocalTokens.For(role));
        return client;
    }

    private static async Task<JsonElement> AssertTooManyAsync(HttpResponseMessage response, int maxRetryAfter)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, maxRetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Too many requests.", problem.GetProperty("title").GetString());
        return problem;
    }
}
