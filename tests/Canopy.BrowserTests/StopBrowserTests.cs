using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>Stop in a real browser, against a model that holds its answer open until it is told to stop.</summary>
[Collection(ScriptedModelAppCollection.Name)]
public sealed class StopBrowserTests(ScriptedModelAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Stop_ends_the_answer_in_the_browser_and_cancels_it_in_canopy_be_and_at_the_model()
    {
        var ui = new CanopyUi(app, await browser.NewPageAsync());
        await ui.OpenAsync();
        var turn = await ui.AskAsync("Explain quantum entanglement and Bell states in detail");
        await Expect(turn.Locator(".markdown")).ToContainTextAsync(ScriptedModelServer.FirstSentence.Trim());
        Assert.False(app.Model.Aborted.Task.IsCompleted);
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Stop generating" }).ClickAsync();

        await Expect(turn).ToHaveAttributeAsync("data-status", "stopped");
        await Expect(turn.Locator(".stopped")).ToBeVisibleAsync();
        await Expect(ui.Page.GetByRole(AriaRole.Button, new() { Name = "Send question" })).ToBeVisibleAsync();
        // The abort travels from the browser through canopy-ui and canopy-be to the model's own request.
        await app.Model.Aborted.Task.WaitAsync(TraceTimeout);

        var traceId = (await turn.GetAttributeAsync("data-trace-id"))!;
        var spans = await app.WaitForTraceAsync(traceId,
            s => s.Any(x => x.Name == "POST /api/chat" && x.Attributes.ContainsKey("canopy.chat.cancelled")) && s.Any(x => x.Name == "chat-turn"), TraceTimeout);
        Assert.Equal("true", spans.Single("canopy-be", "POST /api/chat").Attributes["canopy.chat.cancelled"], ignoreCase: true);
        Assert.Equal("true", spans.Single("canopy-ui", "chat-turn").Attributes["canopy.chat.stopped"], ignoreCase: true);
    }
}
