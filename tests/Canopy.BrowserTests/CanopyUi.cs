using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>What a student does in the Canopy UI, as Playwright steps against the running AppHost.</summary>
public sealed class CanopyUi(CanopyAppFixture app, IPage page)
{
    public const string Student = "student";
    public const string Instructor = "instructor";
    public const string Admin = "admin";

    private string? _user;

    public IPage Page => page;
    public Uri BaseUri { get; } = app.App.GetEndpoint("canopy-ui", "http");
    public Uri IdentityUri { get; } = app.App.GetEndpoint("canopy-identity", "http");

    /// <summary>canopy-identity's login page, whatever it is asked to return to.</summary>
    public Regex LoginPage => new($"^{Regex.Escape(IdentityUri.GetLeftPart(UriPartial.Authority))}/account/login", RegexOptions.IgnoreCase);

    private Regex OnUi => new($"^{Regex.Escape(BaseUri.GetLeftPart(UriPartial.Authority))}/");

    /// <summary>
    /// Opens a page signed in as <paramref name="user"/> (the first time through canopy-identity's login page) and waits until
    /// Blazor's circuit is live, so typing is not lost to the prerendered HTML.
    /// </summary>
    public async Task OpenAsync(string path = "/", string user = Student)
    {
        if (_user != user)
        {
            await SignInAsync(user, path);
            return;
        }
        await page.GotoAsync(new Uri(BaseUri, path).ToString());
        await Expect(page.Locator("[data-ready='true']")).ToBeVisibleAsync();
    }

    /// <summary>Opens the UI, is sent to canopy-identity's login page, signs in there and waits until the UI is back and interactive.</summary>
    public async Task SignInAsync(string user, string path = "/")
    {
        await page.GotoAsync(new Uri(BaseUri, path).ToString());
        await Expect(page).ToHaveURLAsync(LoginPage);
        await SubmitLoginAsync(user, AppHostSignIn.Passwords[user]);
        await Expect(page).ToHaveURLAsync(OnUi);
        await Expect(page.Locator("[data-ready='true']")).ToBeVisibleAsync();
        _user = user;
    }

    /// <summary>Fills and sends canopy-identity's login form; the page must be showing it.</summary>
    public async Task SubmitLoginAsync(string user, string password)
    {
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
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
