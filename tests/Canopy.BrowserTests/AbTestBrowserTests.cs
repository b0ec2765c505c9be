using System.Net.Http.Json;
using System.Text.Json;
using Canopy.Contracts.Experiments;
using Canopy.Contracts.Features;
using Canopy.Contracts.Prompts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>
/// A/B testing of prompts end to end in a real browser: an instructor makes a challenger on the Prompts page, a student gets two
/// answers side by side and picks one, the instructor's A/B page counts it, and both answers' traces carry their prompt versions
/// and the preference.
/// </summary>
/// <remarks>
/// The challenger turns every information-search question into a pair, so it is removed in a finally for the other tests of this
/// AppHost; the version itself stays (versions are never deleted) and the champion is never moved.
/// </remarks>
[Collection(CanopyAppCollection.Name)]
public sealed class AbTestBrowserTests(CanopyAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(60);
    private const string Feature = FeatureIds.InformationSearch;

    private async Task<CanopyUi> OpenAsync(string path, string user)
    {
        var ui = new CanopyUi(app, await browser.NewPageAsync());
        await ui.OpenAsync(path, user);
        return ui;
    }

    [Fact]
    public async Task A_challenger_made_on_the_prompts_page_is_tested_side_by_side_and_the_students_choice_is_counted_and_traced()
    {
        try
        {
            // The instructor writes a new version from the champion and makes it the challenger.
            var instructor = await OpenAsync("/", CanopyUi.Instructor);
            await instructor.Page.Locator("nav.topnav").GetByRole(AriaRole.Link, new() { Name = "Prompts", Exact = true }).ClickAsync();
            await Expect(instructor.Page.Locator(".prompts-page[data-ready='true']")).ToBeVisibleAsync();
            await Expect(instructor.Page.Locator($".prompt-features [data-feature='{Feature}']")).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(instructor.Page.Locator("[data-notice='extractive']")).ToContainTextAsync("Prompts do not change extractive answers");
            var champion = int.Parse((await instructor.Page.Locator("table.prompt-versions tr[data-aliases='champion']").GetAttributeAsync("data-version"))!);

            var system = instructor.Page.Locator("#prompt-system");
            await Expect(system).Not.ToBeEmptyAsync();
            var championPrompt = await system.InputValueAsync();

            // canopy-be's validation problems are shown on the form, and nothing is stored.
            await system.FillAsync("");
            await instructor.Page.GetByRole(AriaRole.Button, new() { Name = "Create version", Exact = true }).ClickAsync();
            await Expect(instructor.Page.Locator("[data-problem='new-version']")).ToContainTextAsync("A system prompt is required.");
            await Expect(instructor.Page.Locator(".prompt-saved")).ToHaveCountAsync(0);
            var addedLine = $"Keep every answer under three sentences ({Guid.NewGuid():N}).";
            await system.FillAsync($"{championPrompt}\n{addedLine}");
            var note = $"Shorter answers {Guid.NewGuid():N}";
            await instructor.Page.Locator("#prompt-note").FillAsync(note);
            await instructor.Page.GetByRole(AriaRole.Button, new() { Name = "Create version", Exact = true }).ClickAsync();
            await Expect(instructor.Page.Locator(".prompt-saved")).ToBeVisibleAsync();
            await Expect(instructor.Page.Locator("[data-problem='new-version']")).ToHaveCountAsync(0);
            var row = instructor.Page.Locator("table.prompt-versions tr", new() { Has = instructor.Page.Locator(".version-note", new() { HasText = note }) });
            await Expect(row).ToHaveCountAsync(1);
            var challenger = int.Parse((await row.GetAttributeAsync("data-version"))!);
            Assert.True(challenger > champion);

            await row.GetByRole(AriaRole.Button, new() { Name = "Make challenger", Exact = true }).ClickAsync();
            await Expect(row).ToHaveAttributeAsync("data-aliases", PromptAliases.Challenger);
            await Expect(row.Locator(".alias-badge[data-alias='challenger']")).ToBeVisibleAsync();
            await Expect(instructor.Page.Locator("[data-problem]")).ToHaveCountAsync(0);

            // The diff opens on champion against challenger: the added line, marked.
            await instructor.Page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();
            await Expect(instructor.Page.Locator($".prompt-diff[data-from='{champion}'][data-to='{challenger}']")).ToBeVisibleAsync();
            await Expect(instructor.Page.Locator(".diff-line[data-kind='added']", new() { HasText = addedLine })).ToHaveCountAsync(1);
            await instructor.ScreenshotAsync("prompts.png");

            var before = await CountAsync(instructor, champion, challenger);

            // The student asks and sees two answers side by side, labelled only A and B.
            var student = await OpenAsync("/", CanopyUi.Student);
            var turn = await CanopyUi.FinishedAsync(await student.AskAsync("Explain quantum entanglement"));
            await Expect(turn).ToHaveAttributeAsync("data-ab", "true");
            var a = turn.Locator(".ab-answer[data-label='A']");
            var b = turn.Locator(".ab-answer[data-label='B']");
            await Expect(a).ToHaveAttributeAsync("data-status", "done");
            await Expect(b).ToHaveAttributeAsync("data-status", "done");
            await Expect(a.Locator(".answer-label")).ToHaveTextAsync("Answer A");
            await Expect(b.Locator(".answer-label")).ToHaveTextAsync("Answer B");
            await Expect(a.Locator(".markdown")).ToContainTextAsync("entangle");
            await Expect(b.Locator(".markdown")).ToContainTextAsync("entangle");
            // Both boxes measured at once: the conversation may still be scrolling smoothly to the bottom.
            var boxes = await turn.Locator(".ab-answers").EvaluateAsync<double[]>(
                "e => [...e.children].flatMap(c => { const r = c.getBoundingClientRect(); return [r.left, r.top, r.right]; })");
            Assert.True(boxes.Length == 6 && boxes[2] <= boxes[3] + 1 && Math.Abs(boxes[1] - boxes[4]) < 2,
                $"The answers are not side by side: {string.Join(", ", boxes)}");
            var pair = turn.Locator(".ab-pair");
            Assert.DoesNotContain("champion", await pair.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("challenger", await pair.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
            await Expect(pair.Locator("[data-ab-note='extractive']")).ToContainTextAsync("prompts do not change extractive answers");
            await Expect(pair.Locator(".ab-question")).ToHaveTextAsync("Which answer is better?");
            await student.ScreenshotAsync("ab-answers.png");
            var traceA = (await a.GetAttributeAsync("data-trace-id"))!;
            var traceB = (await b.GetAttributeAsync("data-trace-id"))!;
            Assert.NotEqual(traceA, traceB);

            await pair.GetByRole(AriaRole.Button, new() { Name = "Answer B", Exact = true }).ClickAsync();

            await Expect(pair.Locator("[data-ab-thanks]")).ToBeVisibleAsync();
            await Expect(pair).ToHaveAttributeAsync("data-choice", "b");
            // The conversation goes on with the answer the student chose.
            await Expect(turn).ToHaveAttributeAsync("data-trace-id", traceB);

            // The instructor's A/B page counts the vote for this pair of versions.
            await instructor.OpenAsync("/ab-tests", CanopyUi.Instructor);
            var result = ResultRow(instructor, champion, challenger);
            await Expect(result.Locator("[data-cell='count']")).ToHaveTextAsync((before + 1).ToString());
            await Expect(result).ToContainTextAsync($"champion v{champion} vs challenger v{challenger}");
            await Expect(result.Locator("[data-cell='verdict']")).ToHaveTextAsync("No clear winner yet");
            await instructor.ScreenshotAsync("ab-tests.png");

            // Both answers are traces of their own, each with its prompt version, linked to each other, each with the preference.
            var versions = new Dictionary<string, int> { [PromptAliases.Champion] = champion, [PromptAliases.Challenger] = challenger };
            var aliases = new List<string>();
            foreach (var (traceId, other) in new[] { (traceA, traceB), (traceB, traceA) })
            {
                var spans = await app.WaitForTraceAsync(traceId, s =>
                    s.Any(x => x.Service == "canopy-ui" && x.Name == "chat-turn") && s.Any(x => x.Name == "POST /api/chat") && s.Any(x => x.Name == "ab-preference"),
                    TraceTimeout);
                var chatTurn = spans.Single("canopy-ui", "chat-turn");
                Assert.Null(chatTurn.ParentSpanId);
                Assert.Equal("true", chatTurn.Attributes["canopy.ab.test"], ignoreCase: true);
                Assert.Equal(Feature, chatTurn.Attributes["canopy.feature"]);
                var alias = chatTurn.Attributes["canopy.prompt.alias"];
                aliases.Add(alias);
                var version = versions[alias].ToString();
                Assert.Equal(version, chatTurn.Attributes["canopy.prompt.version"]);
                var chat = spans.Single("canopy-be", "POST /api/chat");
                Assert.Equal(version, chat.Attributes["canopy.prompt.version"]);
                Assert.Equal(alias, chat.Attributes["canopy.prompt.alias"]);
                spans.Single("canopy-ui", "POST").AssertChildOf(chatTurn);
                var preference = spans.Single("canopy-be", "ab-preference");
                Assert.Equal(version, preference.Attributes["canopy.prompt.version"]);
                Assert.Equal(other, preference.Attributes["canopy.ab.other_trace_id"]);
                Assert.Equal(traceId == traceB ? "true" : "false", preference.Attributes["canopy.ab.preferred"], ignoreCase: true);
                Assert.Contains(other, await LinkedTracesAsync(traceId, chatTurn.SpanId));
            }
            Assert.Equal([PromptAliases.Challenger, PromptAliases.Champion], aliases.Order(StringComparer.Ordinal));

            // The instructor ends the test on the Prompts page: the next question is answered once again.
            await instructor.OpenAsync("/prompts", CanopyUi.Instructor);
            await instructor.Page.Locator($"table.prompt-versions tr[data-version='{challenger}']")
                .GetByRole(AriaRole.Button, new() { Name = "Remove challenger", Exact = true }).ClickAsync();
            await Expect(instructor.Page.Locator("table.prompt-versions tr[data-aliases='challenger']")).ToHaveCountAsync(0);
            using var be = app.CreateClient("canopy-be", CanopyUi.Student);
            using var plan = await be.GetAsync($"/api/ab-tests/{Feature}");
            Assert.Equal(System.Net.HttpStatusCode.NoContent, plan.StatusCode);
        }
        finally
        {
            using var be = app.CreateClient("canopy-be", CanopyUi.Instructor);
            (await be.DeleteAsync($"/api/prompts/{Feature}/aliases/{PromptAliases.Challenger}")).Dispose();
        }
    }

    [Fact]
    public async Task A_student_sees_neither_the_prompts_nor_the_ab_tests_page()
    {
        var ui = await OpenAsync("/", CanopyUi.Student);
        await Expect(ui.Page.Locator("nav.topnav").GetByRole(AriaRole.Link, new() { Name = "Prompts", Exact = true })).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("nav.topnav").GetByRole(AriaRole.Link, new() { Name = "A/B tests", Exact = true })).ToHaveCountAsync(0);

        foreach (var (path, refusal) in new[]
                 {
                     ("/prompts", "Only instructors and administrators can manage prompts."),
                     ("/ab-tests", "Only instructors and administrators can see A/B test results."),
                 })
        {
            var response = await ui.Page.GotoAsync(new Uri(ui.BaseUri, path).ToString());
            Assert.Equal(403, response!.Status);
            await Expect(ui.Page.Locator("[data-refused][role='alert']")).ToHaveTextAsync(refusal);
            await Expect(ui.Page.Locator(".prompts-page, .ab-tests-page")).ToHaveCountAsync(0);
        }
    }

    private static ILocator ResultRow(CanopyUi ui, int champion, int challenger) =>
        ui.Page.Locator($"table.ab-results tr[data-feature='{Feature}'][data-champion='{champion}'][data-challenger='{challenger}']");

    /// <summary>The votes the A/B page shows for the pair now (none yet: 0).</summary>
    private static async Task<int> CountAsync(CanopyUi ui, int champion, int challenger)
    {
        await ui.OpenAsync("/ab-tests", CanopyUi.Instructor);
        await Expect(ui.Page.Locator("table.ab-results, [data-empty='ab-tests']").First).ToBeVisibleAsync();
        var row = ResultRow(ui, champion, challenger);
        return await row.CountAsync() == 0 ? 0 : int.Parse(await row.Locator("[data-cell='count']").InnerTextAsync());
    }

    /// <summary>The trace ids a span links to, from the dashboard's OTLP JSON (which <see cref="TraceSpan"/> does not read).</summary>
    private async Task<List<string>> LinkedTracesAsync(string traceId, string spanId)
    {
        var body = await app.Dashboard.GetFromJsonAsync<JsonElement>($"/api/telemetry/traces/{traceId}");
        return [.. body.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(r => r.GetProperty("scopeSpans").EnumerateArray())
            .SelectMany(s => s.GetProperty("spans").EnumerateArray())
            .Where(s => s.GetProperty("spanId").GetString() == spanId && s.TryGetProperty("links", out _))
            .SelectMany(s => s.GetProperty("links").EnumerateArray())
            .Select(l => l.GetProperty("traceId").GetString()!)];
    }
}
