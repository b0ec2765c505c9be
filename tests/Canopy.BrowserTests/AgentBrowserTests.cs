using Aspire.Hosting.Testing;
using Canopy.Contracts.Chat;
using Canopy.TestUtilities.Agent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>
/// The student assistant in a real browser against the real services (the model is scripted to call tools): the steps
/// appear before the answer, the trace runs from canopy-ui's chat-turn through the agent to canopy-calendar, and a
/// calendar write runs only once the student confirms it.
/// </summary>
[Collection(ScriptedModelAppCollection.Name)]
public sealed class AgentBrowserTests(ScriptedModelAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(60);

    private async Task<CanopyUi> OpenAsync()
    {
        var ui = new CanopyUi(app, await browser.NewPageAsync());
        await ui.OpenAsync("/", CanopyUi.Student);
        await ui.PickStudentAssistantAsync();
        return ui;
    }

    [Fact]
    public async Task The_assistant_shows_its_steps_cites_both_tools_and_the_trace_runs_from_the_ui_to_canopy_calendar()
    {
        var ui = await OpenAsync();
        var turn = await CanopyUi.FinishedAsync(await ui.AskAsync(StudentAssistantScript.ProfessorQuestion));

        await Expect(turn).ToHaveAttributeAsync("data-status", "done");
        await CanopyUi.WaitForStepsAsync(turn, 2);
        Assert.Equal(2, await CanopyUi.Steps(turn).CountAsync());
        var (tool0, status0, _, summary0) = await CanopyUi.StepAsync(turn, 0);
        var (tool1, status1, _, summary1) = await CanopyUi.StepAsync(turn, 1);
        Assert.Equal(("find_professors_by_expertise", ToolStatuses.Ok), (tool0, status0));
        Assert.Contains("Amara Okafor", summary0);
        Assert.Equal(("upcoming_events", ToolStatuses.Ok), (tool1, status1));
        Assert.Contains("PHYS-214", summary1);
        await Expect(turn.Locator(".markdown")).ToContainTextAsync("Dr. Amara Okafor teaches PHYS-214");
        // Both tools' results are cited: the directory's card and the calendar's card.
        await Expect(turn.Locator(".markdown a.cite")).ToHaveCountAsync(2);
        await Expect(turn.Locator("[data-document-id='faculty-directory']")).ToHaveCountAsync(1);
        await ui.ScreenshotAsync("student-assistant.png");

        var traceId = (await turn.GetAttributeAsync("data-trace-id"))!;
        var spans = await app.WaitForTraceAsync(traceId, s =>
            s.Any(x => x.Service == "canopy-ui" && x.Name == "chat-turn") && s.Count(x => x.Name.StartsWith("execute_tool ", StringComparison.Ordinal)) == 2
            && s.Any(x => x.Service == "canopy-calendar" && x.Name.Contains("tools/call")) && s.Any(x => x.Name == "POST /api/chat")
            && s.Any(x => x.Name == "invoke_agent student-assistant"), TraceTimeout);
        var chatTurn = spans.Single("canopy-ui", "chat-turn");
        var chat = spans.Single("canopy-be", "POST /api/chat");
        var agent = spans.Single("canopy-be", "invoke_agent student-assistant");
        Assert.Null(chatTurn.ParentSpanId);
        Assert.Equal("student-assistant", chatTurn.Attributes["canopy.feature"]);
        Assert.True(spans.IsUnder(chat, chatTurn));
        agent.AssertChildOf(chat);
        Assert.True(spans.IsUnder(spans.Single("canopy-be", "execute_tool find_professors_by_expertise"), agent));
        var calendarTool = spans.Single("canopy-be", "execute_tool upcoming_events");
        Assert.True(spans.IsUnder(calendarTool, agent));
        // The MCP session opens under the agent; the tool call itself is served under its execute_tool span.
        Assert.All(spans.Where(s => s.Service == "canopy-calendar"), s => Assert.True(spans.IsUnder(s, agent)));
        Assert.Contains(spans, s => s.Service == "canopy-calendar" && s.Name.Contains("tools/call") && spans.IsUnder(s, calendarTool));

        // The dashboard's GenAI view of a model call lists the tools the agent offered.
        var dashboard = await browser.NewPageAsync();
        var baseUri = app.App.GetEndpoint("aspire-dashboard", "http");
        var token = app.App.Services.GetRequiredService<IConfiguration>()["AppHost:BrowserToken"];
        await dashboard.GotoAsync(new Uri(baseUri, $"/login?t={token}").ToString());
        await dashboard.GotoAsync(new Uri(baseUri, $"/traces/detail/{traceId}").ToString());
        await dashboard.Locator("tr:has(td[title='canopy-be: chat tool-model']) .genai-details-button").First.ClickAsync();
        var tools = dashboard.Locator("#tab-overview-Tools");
        // Two tools of canopy-be's own and the nine canopy-calendar listed over MCP.
        await Expect(tools).ToContainTextAsync("11");
        await tools.ClickAsync();
        var dialog = dashboard.Locator(".genai-dialog-body");
        foreach (var name in new[] { "search_knowledge_base", "find_professors_by_expertise", "upcoming_events", "create_event" })
            await Expect(dialog).ToContainTextAsync(name);
        if (Environment.GetEnvironmentVariable("CANOPY_SCREENSHOTS_DIR") is { Length: > 0 } dir)
            await dashboard.ScreenshotAsync(new() { Path = Path.Combine(dir, "student-assistant-genai-tools.png") });
    }

    [Fact]
    public async Task A_calendar_event_is_created_only_after_the_student_confirms_it()
    {
        var ui = await OpenAsync();
        var turn = await ui.AskAsync(StudentAssistantScript.CreateRequest);

        var card = await CanopyUi.WaitForConfirmationAsync(turn);
        await Expect(card).ToContainTextAsync(StudentAssistantScript.StudyGroupTitle);
        await Expect(card.Locator("button[data-decision='confirm']")).ToBeEnabledAsync();
        var (firstTrace, _) = await CanopyUi.TracesAsync(turn);
        await ui.ScreenshotAsync("student-assistant-confirm.png");

        await CanopyUi.ConfirmAsync(turn);

        await CanopyUi.FinishedAsync(turn);
        await Expect(turn).ToHaveAttributeAsync("data-status", "done");
        await CanopyUi.WaitForStepStatusAsync(turn, 0, ToolStatuses.Ok);
        var (tool, _, _, summary) = await CanopyUi.StepAsync(turn, 0);
        Assert.Equal("create_event", tool);
        Assert.Contains(StudentAssistantScript.StudyGroupTitle, summary);
        await Expect(turn.Locator(".markdown")).ToContainTextAsync("Done: the study group is in your calendar");
        var (latest, earlier) = await CanopyUi.TracesAsync(turn);
        Assert.Equal([firstTrace!], earlier);
        Assert.NotEqual(firstTrace, latest);

        // The write ran in the continuation's trace, after the confirmation, and reached canopy-calendar.
        var spans = await app.WaitForTraceAsync(latest!, s =>
            s.Any(x => x.Service == "canopy-ui" && x.Name == "chat-turn") && s.Any(x => x.Name == "execute_tool create_event") && s.Any(x => x.Service == "canopy-calendar" && x.Name.Contains("tools/call")),
            TraceTimeout);
        var create = spans.Single("canopy-be", "execute_tool create_event");
        Assert.Contains(spans, s => s.Service == "canopy-calendar" && s.Name.Contains("tools/call") && spans.IsUnder(s, create));
        var before = await app.WaitForTraceAsync(firstTrace!, s => s.Any(x => x.Name == "invoke_agent student-assistant"), TraceTimeout);
        Assert.DoesNotContain(before, s => s.Name == "execute_tool create_event");
    }
}
