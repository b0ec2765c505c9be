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

    /// <summary>Picks a feature in the composer's picker (e.g. <c>FeatureIds.StudentAssistant</c>); the picker shows only what canopy-be offers.</summary>
    public async Task PickFeatureAsync(string feature)
    {
        var option = page.Locator($".feature-picker [data-feature='{feature}']");
        await option.ClickAsync();
        await Expect(option).ToHaveAttributeAsync("aria-checked", "true");
    }

    public Task PickStudentAssistantAsync() => PickFeatureAsync(Canopy.Contracts.Features.FeatureIds.StudentAssistant);

    /// <summary>The student assistant's steps in a turn, in order; each has <c>data-tool</c> (the tool's id) and <c>data-status</c>.</summary>
    public static ILocator Steps(ILocator turn) => turn.Locator("ol.agent-steps > li.agent-step");

    /// <summary>Waits until the turn shows at least <paramref name="count"/> steps.</summary>
    public static async Task<ILocator> WaitForStepsAsync(ILocator turn, int count)
    {
        await Expect(Steps(turn).Nth(count - 1)).ToBeVisibleAsync();
        return Steps(turn);
    }

    /// <summary>
    /// One step as the page shows it: the tool's id, its status (running, awaiting, ok, error, timeout, declined, withheld,
    /// unfinished), its readable name and its result summary.
    /// </summary>
    public static async Task<(string Tool, string Status, string Name, string Summary)> StepAsync(ILocator turn, int index)
    {
        var step = Steps(turn).Nth(index);
        return ((await step.GetAttributeAsync("data-tool"))!, (await step.GetAttributeAsync("data-status"))!,
            await step.Locator(".step-name").InnerTextAsync(), await step.Locator(".step-result").TextContentAsync() ?? "");
    }

    /// <summary>Waits until the step at <paramref name="index"/> has <paramref name="status"/> (e.g. ToolStatuses.Ok).</summary>
    public static Task WaitForStepStatusAsync(ILocator turn, int index, string status) =>
        Expect(Steps(turn).Nth(index)).ToHaveAttributeAsync("data-status", status);

    /// <summary>The write the turn waits for: "Canopy wants to …" with Confirm and Cancel.</summary>
    public static ILocator Confirmation(ILocator turn) => turn.Locator("[data-confirmation='pending']");

    /// <summary>Waits for the turn to stop and ask (<c>data-status="awaiting"</c>) and returns its confirmation card.</summary>
    public static async Task<ILocator> WaitForConfirmationAsync(ILocator turn)
    {
        await Expect(turn).ToHaveAttributeAsync("data-status", "awaiting");
        await Expect(Confirmation(turn)).ToBeVisibleAsync();
        return Confirmation(turn);
    }

    /// <summary>Clicks Confirm and waits until the card gave way to the continuation streaming into the same turn.</summary>
    public static Task ConfirmAsync(ILocator turn) => DecideAsync(turn, "confirm");

    /// <summary>Clicks Cancel: the write is declined and canopy-be goes on without it.</summary>
    public static Task CancelAsync(ILocator turn) => DecideAsync(turn, "cancel");

    private static async Task DecideAsync(ILocator turn, string decision)
    {
        await Confirmation(turn).Locator($"button[data-decision='{decision}']").ClickAsync();
        await Expect(Confirmation(turn)).ToHaveCountAsync(0);
    }

    /// <summary>The turn's latest trace (a continuation's after a confirmation) and the traces before it, from the answer's links.</summary>
    public static async Task<(string? Latest, IReadOnlyList<string> Earlier)> TracesAsync(ILocator turn)
    {
        var earlier = turn.Locator(".trace-link.earlier");
        var ids = new List<string>();
        for (var i = 0; i < await earlier.CountAsync(); i++) ids.Add((await earlier.Nth(i).GetAttributeAsync("data-trace-id"))!);
        return (await turn.GetAttributeAsync("data-trace-id"), ids);
    }

    /// <summary>Saves a screenshot under CANOPY_SCREENSHOTS_DIR when set (the README's images are made this way).</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("CANOPY_SCREENSHOTS_DIR") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name) });
    }
}
