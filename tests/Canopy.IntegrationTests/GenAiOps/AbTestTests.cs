using System.Diagnostics;
using System.Net;
using Canopy.Contracts.Experiments;
using Canopy.Contracts.Features;
using Canopy.Contracts.Prompts;
using Canopy.IntegrationTests.Api;

namespace Canopy.IntegrationTests.GenAiOps;

/// <summary>With a challenger and the flag on, a turn can run with either version; a student's preference lands in both traces and the tally.</summary>
public sealed class AbTestTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private HttpClient As(string role) => _factory.CreateClientAs(role);

    [Fact]
    public async Task A_preference_between_champion_and_challenger_is_recorded_on_both_traces_and_counted()
    {
        using var spans = new SpanRecorder();
        using var instructor = As("instructor");
        using var student = As("student");
        using var admin = As("admin");

        using var before = await student.GetAsync("/api/ab-tests/summarize");
        await instructor.PostAsJsonAsync("/api/prompts/summarize/versions", new CreatePromptVersionRequest("Summarise in one sentence."));
        (await instructor.PutAsJsonAsync("/api/prompts/summarize/aliases/challenger", new MoveAliasRequest(2))).EnsureSuccessStatusCode();
        var plan = await student.GetFromJsonAsync<AbTestPlan>("/api/ab-tests/summarize");
        const string text = "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen.";
        var turns = await Task.WhenAll(PromptRegistryTests.AskAsync(student, text, "summarize", "champion"), PromptRegistryTests.AskAsync(student, text, "summarize", "challenger"));
        var (a, b) = (turns[0].OfType<StartEvent>().Single(), turns[1].OfType<StartEvent>().Single());
        using var preferred = await student.PostAsJsonAsync("/api/ab-tests/summarize/preferences", new PreferenceRequest(
            new AbAnswerRef(a.PromptVersion, a.TraceId, a.SpanId), new AbAnswerRef(b.PromptVersion, b.TraceId, b.SpanId), AbWinners.Challenger, "conv-1"));
        var results = await instructor.GetFromJsonAsync<List<AbTestResult>>("/api/ab-tests");

        Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);
        Assert.Equal(new AbTestPlan("summarize", 1, 2), plan);
        Assert.Equal((1, "champion", 2, "challenger"), (a.PromptVersion, a.PromptAlias, b.PromptVersion, b.PromptAlias));
        Assert.NotEqual(a.TraceId, b.TraceId);
        Assert.Equal(HttpStatusCode.Created, preferred.StatusCode);
        Assert.Equal(new AbTestResult("summarize", 1, 2, 0, 1, 0, 1, 1.0, 0.2065, 1.0, "unclear"), Assert.Single(results!));

        // Each trace: its generation says which version answered, and an ab-preference span under the chat span says whether it won.
        foreach (var (start, alias, won, other) in new[] { (a, "champion", false, b), (b, "challenger", true, a) })
        {
            var trace = ActivityTraceId.CreateFromString(start.TraceId);
            Assert.Equal(start.PromptVersion, spans.Single("llm-inference", trace).GetTagItem("canopy.prompt.version"));
            var preference = spans.Single("ab-preference", trace);
            Assert.Equal(start.SpanId, preference.ParentSpanId.ToHexString());
            Assert.Equal((won, "challenger", start.PromptVersion, alias), (preference.GetTagItem("canopy.ab.preferred"), preference.GetTagItem("canopy.ab.winner"),
                preference.GetTagItem("canopy.prompt.version"), preference.GetTagItem("canopy.prompt.alias")));
            Assert.Contains(preference.Links, l => l.Context.TraceId.ToHexString() == other.TraceId && l.Context.SpanId.ToHexString() == other.SpanId);
        }

        // An admin turns A/B testing off: no plan, and the challenger no longer answers.
        (await admin.PutAsJsonAsync($"/api/admin/features/{FlagIds.AbTesting}", new FeatureSwitchRequest(false))).EnsureSuccessStatusCode();
        using var off = await student.GetAsync("/api/ab-tests/summarize");
        using var refused = await student.PostAsJsonAsync("/api/chat", new ChatRequest(text, Feature: "summarize", PromptAlias: "challenger"));
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("turned off", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_preferences_are_refused_and_results_are_for_instructors()
    {
        using var student = As("student");
        var champion = new AbAnswerRef(1, "5bf92f3577b34da6a3ce929d0e0e4736", "b7ad6b7169203331");
        var challenger = new AbAnswerRef(2, "6bf92f3577b34da6a3ce929d0e0e4736", null);

        using var badWinner = await student.PostAsJsonAsync("/api/ab-tests/summarize/preferences", new PreferenceRequest(champion, challenger, "both"));
        using var badTrace = await student.PostAsJsonAsync("/api/ab-tests/summarize/preferences", new PreferenceRequest(champion, challenger with { TraceId = "XYZ" }, "tie"));
        using var sameVersion = await student.PostAsJsonAsync("/api/ab-tests/summarize/preferences", new PreferenceRequest(champion, challenger with { Version = 1 }, "tie"));
        using var missing = await student.PostAsJsonAsync("/api/ab-tests/summarize/preferences", new PreferenceRequest(champion, null, "tie"));
        using var noVersion = await student.PostAsJsonAsync("/api/ab-tests/summarize/preferences", new PreferenceRequest(champion, challenger, "tie"));
        using var noFeature = await student.GetAsync("/api/ab-tests/no-such-feature");
        using var results = await student.GetAsync("/api/ab-tests");

        foreach (var response in new[] { badWinner, badTrace, sameVersion, missing })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
        Assert.Contains("no prompt version 2", await noVersion.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, noFeature.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, results.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
