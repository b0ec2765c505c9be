using System.Net;
using Canopy.Api.Features;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Prompts;
using Canopy.IntegrationTests.Api;

namespace Canopy.IntegrationTests.GenAiOps;

/// <summary>Instructors version a feature's prompt; turns run with the champion, and say which version answered.</summary>
public sealed class PromptRegistryTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private HttpClient As(string role, WebApplicationFactory<ChatPipeline>? factory = null) => (factory ?? _factory).CreateClientAs(role);

    [Fact]
    public async Task The_configured_prompts_are_version_1_and_the_champion_of_every_feature()
    {
        using var instructor = As("instructor");

        var all = await instructor.GetFromJsonAsync<List<PromptRegistryInfo>>("/api/prompts");

        Assert.NotNull(all);
        Assert.Equal(FeatureCatalog.Ids, all.Select(r => r.Feature));
        var search = all.Single(r => r.Feature == FeatureCatalog.InformationSearch);
        var v1 = Assert.Single(search.Versions);
        Assert.Equal((1, 1, (int?)null), (v1.Version, search.Champion, search.Challenger));
        Assert.Equal(FeaturePrompts.InformationSearch, v1.SystemPrompt);
        Assert.Equal([PromptAliases.Champion], v1.Aliases);
        // This canopy-be answers with extracts, which no prompt changes: the registry says so.
        Assert.False(search.PromptsChangeAnswers);
        Assert.Contains("do not change", search.Notice);
    }

    [Fact]
    public async Task A_new_version_is_numbered_diffed_and_once_champion_answers_turns_even_after_a_restart()
    {
        using var instructor = As("instructor");
        using var student = As("student");

        using var created = await instructor.PostAsJsonAsync("/api/prompts/summarize/versions",
            new CreatePromptVersionRequest("Summarise the text in three bullet points.\nKeep numbers exact.", MaxTokens: 300, Note: "Shorter"));
        var v2 = await created.Content.ReadFromJsonAsync<PromptVersionInfo>();
        var diff = await instructor.GetFromJsonAsync<PromptDiff>("/api/prompts/summarize/diff?from=1&to=2");
        using var promoted = await instructor.PutAsJsonAsync("/api/prompts/summarize/aliases/champion", new MoveAliasRequest(2));
        var start = (await AskAsync(student, "Some text about photosynthesis to summarise.", "summarize")).OfType<StartEvent>().Single();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/prompts/summarize/versions/2", created.Headers.Location!.ToString());
        // Left out, the temperature is the champion's; given, the answer length is the new one.
        Assert.Equal((2, 300, 0.2f), (v2!.Version, v2.MaxTokens, v2.Temperature));
        Assert.Contains(diff!.Lines, l => l is { Kind: "added", Text: "Keep numbers exact." });
        Assert.Contains(diff.Lines, l => l.Kind == "removed");
        Assert.Contains(diff.Settings, s => s is { Name: "maxTokens", From: "400", To: "300" });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal((2, "champion", 300), (start.PromptVersion, start.PromptAlias, start.MaxTokens));

        // A second canopy-be over the same folder, as after a restart: the champion holds.
        using var restarted = _factory.WithWebHostBuilder(_ => { });
        using var again = As("instructor", restarted);
        var registry = await again.GetFromJsonAsync<PromptRegistryInfo>("/api/prompts/summarize");
        Assert.Equal((2, 2), (registry!.Champion, registry.Versions.Count));
    }

    [Fact]
    public async Task Bad_versions_and_alias_moves_are_refused_with_problem_details()
    {
        using var instructor = As("instructor");
        using var student = As("student");

        using var empty = await instructor.PostAsJsonAsync("/api/prompts/summarize/versions", new CreatePromptVersionRequest(" ", Temperature: 3));
        using var control = await instructor.PostAsJsonAsync("/api/prompts/summarize/versions", new CreatePromptVersionRequest("Bad \u0001 text"));
        using var noFeature = await instructor.GetAsync("/api/prompts/no-such-feature");
        using var noVersion = await instructor.PutAsJsonAsync("/api/prompts/summarize/aliases/challenger", new MoveAliasRequest(9));
        using var noAlias = await instructor.PutAsJsonAsync("/api/prompts/summarize/aliases/favourite", new MoveAliasRequest(1));
        using var sameAsChampion = await instructor.PutAsJsonAsync("/api/prompts/summarize/aliases/challenger", new MoveAliasRequest(1));
        using var noDiff = await instructor.GetAsync("/api/prompts/summarize/diff?from=1");
        using var studentCreates = await student.PostAsJsonAsync("/api/prompts/summarize/versions", new CreatePromptVersionRequest("Mine"));
        using var noChallenger = await student.PostAsJsonAsync("/api/chat", new ChatRequest("Some text.", Feature: "summarize", PromptAlias: "challenger"));
        using var badAlias = await student.PostAsJsonAsync("/api/chat", new ChatRequest("Some text.", Feature: "summarize", PromptAlias: "latest"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = await empty.Content.ReadAsStringAsync();
        Assert.Contains("systemPrompt", problem);
        Assert.Contains("temperature", problem);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        foreach (var (response, status) in new[] { (noFeature, 404), (noVersion, 404), (noAlias, 404), (sameAsChampion, 409), (noDiff, 400), (studentCreates, 403), (noChallenger, 400), (badAlias, 400) })
        {
            Assert.Equal((HttpStatusCode)status, response.StatusCode);
            if (status != 403) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("no challenger", await noChallenger.Content.ReadAsStringAsync());
        Assert.Contains("champion", await sameAsChampion.Content.ReadAsStringAsync());
    }

    internal static async Task<List<ChatEvent>> AskAsync(HttpClient client, string message, string feature, string? alias = null)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", new ChatRequest(message, Feature: feature, PromptAlias: alias));
        response.EnsureSuccessStatusCode();
        var events = new List<ChatEvent>();
        await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(), CancellationToken.None)) events.Add(e);
        return events;
    }

    public void Dispose() => _factory.Dispose();
}
