using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Canopy.Api;

namespace Canopy.IntegrationTests.Api;

public sealed class FeatureAndFeedbackTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    [Fact]
    public async Task Feature_flags_list_the_four_features_and_the_provider()
    {
        using var client = _factory.CreateClient();

        var flags = await client.GetFromJsonAsync<JsonElement>("/api/feature-flags");

        var features = flags.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["information-search", "summarize", "socratic-tutor", "student-assistant"], features.Select(f => f.GetProperty("id").GetString()));
        Assert.All(features, f => Assert.True(f.GetProperty("enabled").GetBoolean()));
        Assert.False(features[1].GetProperty("usesRetrieval").GetBoolean());
        Assert.Equal(400, features[1].GetProperty("maxTokens").GetInt32());
        Assert.Equal([false, false, false, true], features.Select(f => f.GetProperty("usesTools").GetBoolean()));
        Assert.Equal("extractive", flags.GetProperty("provider").GetProperty("name").GetString());
        Assert.False(flags.GetProperty("provider").GetProperty("callsTools").GetBoolean());
    }

    [Fact]
    public async Task A_feature_turned_off_in_configuration_is_refused()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("Canopy:Features:summarize:Enabled", "false"));
        using var client = factory.CreateClient();

        var flags = await client.GetFromJsonAsync<JsonElement>("/api/feature-flags");
        using var response = await client.PostAsJsonAsync("/api/chat", new { message = "Some text to summarise.", feature = "summarize" });

        Assert.False(flags.GetProperty("features")[1].GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("turned off", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Summarize_refuses_text_over_its_token_budget()
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/chat", new { message = new string('w', 14_000) + ".", feature = "summarize" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("accepts at most 3000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feedback_is_stored_listed_exported_and_recorded_on_the_answer_trace()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string spanId = "00f067aa0ba902b7";
        using var spans = new SpanRecorder();
        using var client = _factory.CreateClient();

        using var created = await client.PostAsJsonAsync("/api/feedback", new
        {
            traceId, spanId, rating = "down", comment = "Cited the wrong week", feature = "information-search",
            prompt = "When is the PHYS-214 midterm?", answer = "Week 6 [1]",
        });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/feedback");
        var export = await client.GetStringAsync("/api/feedback/export");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal(("down", "Cited the wrong week"), (entry.GetProperty("rating").GetString(), entry.GetProperty("comment").GetString()));
        var line = JsonDocument.Parse(Assert.Single(export.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal(("When is the PHYS-214 midterm?", "Week 6 [1]", "down", traceId),
            (line.GetProperty("prompt").GetString(), line.GetProperty("answer").GetString(), line.GetProperty("rating").GetString(), line.GetProperty("traceId").GetString()));
        var span = spans.Single("feedback", ActivityTraceId.CreateFromString(traceId));
        Assert.Equal(spanId, span.ParentSpanId.ToHexString());
        Assert.Equal("down", span.GetTagItem("canopy.feedback.rating"));
    }

    [Fact]
    public async Task Feedback_survives_a_restart_of_the_service()
    {
        using (var client = _factory.CreateClient())
        {
            using var response = await client.PostAsJsonAsync("/api/feedback", new { traceId = "0af7651916cd43dd8448eb211c80319c", rating = "up" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using var restarted = new ApiFactoryOver(_factory.DataPath);
        using var again = restarted.CreateClient();
        var list = await again.GetFromJsonAsync<JsonElement>("/api/feedback");
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", Assert.Single(list.EnumerateArray()).GetProperty("traceId").GetString());
    }

    [Theory]
    [InlineData("""{"traceId":"nothex","rating":"up"}""", "traceId")]
    [InlineData("""{"traceId":"0af7651916cd43dd8448eb211c80319c","rating":"meh"}""", "rating")]
    [InlineData("""{"traceId":"0af7651916cd43dd8448eb211c80319c","rating":"up","spanId":"xyz"}""", "spanId")]
    public async Task Bad_feedback_is_a_400_naming_the_field(string body, string field)
    {
        using var client = _factory.CreateClient();
        using var response = await client.PostAsync("/api/feedback", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A second canopy-be over an existing data directory, as after a restart.</summary>
    private sealed class ApiFactoryOver(string dataPath) : SignedInFactory<Canopy.Api.Chat.ChatPipeline>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseLocalTokens().UseSetting("Canopy:ApiKeys:DataPath", KeysPath).UseSetting("Canopy:Settings:DataPath", KeysPath).UseSetting("Canopy:Prompts:DataPath", KeysPath).UseSetting("Canopy:Agent:DataPath", KeysPath).UseSetting("Canopy:Llm", "extractive").UseSetting("Canopy:Feedback:DataPath", dataPath);
    }
}
