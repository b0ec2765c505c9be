using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>The UI under its Content-Security-Policy: sign-in, a question answered and sign-out, and the browser refuses nothing.</summary>
[Collection(CanopyAppCollection.Name)]
public sealed class ContentSecurityBrowserTests(CanopyAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_chat_works_under_the_content_security_policy()
    {
        var page = await browser.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (refused) refused.Add(message.Text);
        };
        var ui = new CanopyUi(app, page);
        await ui.SignInAsync(CanopyUi.Student);

        var response = await page.GotoAsync(ui.BaseUri.ToString());
        await Expect(page.Locator("[data-ready='true']")).ToBeVisibleAsync();
        var turn = await CanopyUi.FinishedAsync(await ui.AskAsync("Explain quantum entanglement"));

        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        // Sign-out posts to the UI, which redirects to canopy-identity: form-action is checked on each redirect.
        Assert.Contains($"form-action 'self' {ui.IdentityUri.GetLeftPart(UriPartial.Authority)};", policy);
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        await Expect(turn).ToHaveAttributeAsync("data-status", "done");
        // The timing bar sizes its segments with style attributes, which the policy allows on purpose.
        await Expect(turn.Locator(".timing-legend")).ToContainTextAsync("retrieval");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ui.LoginPage);
        lock (refused) Assert.Empty(refused);
    }
}
