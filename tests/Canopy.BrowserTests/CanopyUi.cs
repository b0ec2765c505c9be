using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>What a student does in the Canopy UI, as Playwright steps against the running AppHost.</summary>
public sealed class CanopyUi(CanopyAppFixture app, IPage page)
{
    public IPage Page => page;
    public Uri BaseUri { get; } = app.App.GetEndpoint("canopy-ui", "http");

    /// <summary>Opens a page and waits until Blazor's circuit is live, so typing is not lost to the prerendered HTML.</summary>
    public async Task OpenAsync(string path = "/")
    {
        await page.GotoAsync(new Uri(BaseUri, path).ToString());
        await Expect(page.Locator("[data-ready='true']")).ToBeVisibleAsync();
    }

    /// <summary>Types the question, sends it with Enter and returns the new turn.</summary>
    public async Task<ILocator> AskAsync(string question)
    {
        var before = await page.Locator("article.turn").CountAsync();
        await page.Locator("#question").FillAsync(question);
        await page.Locator("#question").PressAsync("Enter");
        var turn = page.Locator("article.turn").Nth(before);
        await Expect(turn).ToBeVisibleAsync();
        return turn;
    }

    public static async Task<ILocator> FinishedAsync(ILocator turn)
    {
        await Expect(turn).Not.ToHaveAttributeAsync("data-status", "streaming");
        return turn;
    }

    /// <summary>Saves a screenshot under CANOPY_SCREENSHOTS_DIR when set (the README's images are made this way).</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("CANOPY_SCREENSHOTS_DIR") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name) });
    }
}
