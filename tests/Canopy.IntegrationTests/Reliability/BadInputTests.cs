using System.Text.Json;
using Canopy.Contracts;
using Canopy.IntegrationTests.Api;
using Canopy.IntegrationTests.Ingestion;

namespace Canopy.IntegrationTests.Reliability;

/// <summary>canopy-be and canopy-rag in-process, started once for the whole bad-input matrix.</summary>
public sealed class BadInputServices : IDisposable
{
    public ApiFactory Be { get; } = new();
    public RagServiceFactory Rag { get; } = new();

    public HttpClient Client(string service) => service == BadInputCase.Rag ? Rag.CreateClient() : Be.CreateClient();

    public void Dispose()
    {
        Be.Dispose();
        Rag.Dispose();
    }
}

public sealed class BadInputTests(BadInputServices services) : IClassFixture<BadInputServices>
{
    [Theory]
    [MemberData(nameof(BadInputCases.Names), MemberType = typeof(BadInputCases))]
    public async Task Bad_input_gets_a_4xx_naming_the_problem_and_writes_nothing(string name)
    {
        var bad = BadInputCases.All[name];
        using var client = services.Client(bad.Service);
        var ratingsBefore = await RatingsAsync();

        using var request = bad.ToRequest();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == bad.Status, $"{name}: expected {bad.Status}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        if (bad.IsOpenAi) AssertOpenAiError(json.RootElement, bad.Field, body);
        else AssertProblemDetails(response, json.RootElement, bad, body);
        Assert.Equal(ratingsBefore, await RatingsAsync());
    }

    [Fact]
    public async Task What_canopy_be_accepts_as_a_question_canopy_rag_accepts_as_a_query()
    {
        using var rag = services.Rag.CreateClient();
        var longest = new string('a', RequestLimits.MaxSearchQueryLength);

        using var search = await rag.PostAsJsonAsync("/api/search", new { query = longest, topK = RequestLimits.MaxTopK });

        Assert.Equal(System.Net.HttpStatusCode.OK, search.StatusCode);
        var chat = new ChatRequest(longest);
        var features = services.Be.Services.GetService(typeof(Canopy.Api.Features.FeatureCatalog)) as Canopy.Api.Features.FeatureCatalog;
        var provider = services.Be.Services.GetRequiredService<Canopy.Api.Llm.ILlmProviderAccessor>().Current;
        Assert.Empty(chat.Validate(features!, provider));
        Assert.NotEmpty((chat with { Message = longest + "a" }).Validate(features!, provider));
    }

    private async Task<int> RatingsAsync()
    {
        using var client = services.Be.CreateClient();
        return (await client.GetFromJsonAsync<JsonElement>("/api/feedback?limit=1000")).GetArrayLength();
    }

    private static void AssertProblemDetails(HttpResponseMessage response, JsonElement problem, BadInputCase bad, string body)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bad.Status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("title", out _), body);
        if (bad.Field is null) return;
        var named = problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name.StartsWith(bad.Field, StringComparison.Ordinal))
                    || (problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains(bad.Field, StringComparison.Ordinal));
        Assert.True(named, $"the problem does not name '{bad.Field}': {body}");
    }

    private static void AssertOpenAiError(JsonElement root, string? field, string body)
    {
        var error = root.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), body);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.True(error.TryGetProperty("param", out var param) && error.TryGetProperty("code", out _), body);
        if (field is not null) Assert.Equal(field, param.GetString());
    }
}
