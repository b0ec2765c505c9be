using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>Signing in to the UI through canopy-identity, what each role sees, and signing out.</summary>
[Collection(CanopyAppCollection.Name)]
public sealed class SignInBrowserTests(CanopyAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<CanopyUi> NewUiAsync() => new(app, await browser.NewPageAsync());

    [Fact]
    public async Task An_anonymous_visit_is_sent_to_the_sign_in_page()
    {
        var ui = await NewUiAsync();

        await ui.Page.GotoAsync(new Uri(ui.BaseUri, "/documents").ToString());

        await Expect(ui.Page).ToHaveURLAsync(ui.LoginPage);
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Canopy" })).ToBeVisibleAsync();
        await Expect(ui.Page.Locator(".topbar")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(CanopyUi.Student)]
    [InlineData(CanopyUi.Instructor)]
    [InlineData(CanopyUi.Admin)]
    public async Task Each_seeded_user_signs_in_and_sees_their_name_and_role(string user)
    {
        var ui = await NewUiAsync();

        await ui.SignInAsync(user, "/documents");

        // Back on the page that was asked for, with the chat's services reachable under the user's token.
        await Expect(ui.Page).ToHaveURLAsync(new Uri(ui.BaseUri, "/documents").ToString());
        var menu = ui.Page.Locator(".topbar .user-menu");
        await Expect(menu.Locator(".user-name")).ToHaveTextAsync(user);
        await Expect(menu.Locator(".user-role")).ToHaveTextAsync(user);
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("table.documents tr[data-status='ready']").First).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("[data-banner='session-expired'], [data-banner='documents-unavailable']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_student_reads_the_library_but_sees_no_upload_or_delete()
    {
        var ui = await NewUiAsync();
        await ui.OpenAsync("/documents", CanopyUi.Student);

        await Expect(ui.Page.Locator("table.documents tr[data-status='ready']").First).ToBeVisibleAsync();
        await Expect(ui.Page.Locator(".dropzone")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("input#upload")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("table.documents button.delete")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_instructor_sees_the_upload_zone_and_delete_buttons()
    {
        var ui = await NewUiAsync();
        await ui.OpenAsync("/documents", CanopyUi.Instructor);

        await Expect(ui.Page.Locator("table.documents tr[data-status='ready']").First).ToBeVisibleAsync();
        await Expect(ui.Page.Locator(".dropzone")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("table.documents button.delete").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_student_is_answered_by_canopy_be_with_their_token_which_never_reaches_the_page()
    {
        var ui = await NewUiAsync();
        await ui.OpenAsync(user: CanopyUi.Student);

        var turn = await CanopyUi.FinishedAsync(await ui.AskAsync("When does the fall semester start?"));

        await Expect(turn).ToHaveAttributeAsync("data-status", "done");
        await Expect(ui.Page.Locator("[data-banner='session-expired']")).ToHaveCountAsync(0);
        // The tokens stay in the server-side session: no JWT in the page or the browser's storage, and the session cookie is HttpOnly.
        var jwt = new System.Text.RegularExpressions.Regex(@"eyJ[\w-]+\.eyJ[\w-]+\.");
        Assert.DoesNotMatch(jwt, await ui.Page.ContentAsync());
        Assert.DoesNotMatch(jwt, await ui.Page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"));
        Assert.DoesNotContain(".canopy-ui", await ui.Page.EvaluateAsync<string>("() => document.cookie"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_next_visit_asks_to_sign_in()
    {
        var ui = await NewUiAsync();
        await ui.SignInAsync(CanopyUi.Student);

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(ui.Page).ToHaveURLAsync(ui.LoginPage);

        // Neither canopy-ui's cookie nor canopy-identity's session lets the next visit in.
        await ui.Page.GotoAsync(ui.BaseUri.ToString());
        await Expect(ui.Page).ToHaveURLAsync(ui.LoginPage);
        await Expect(ui.Page.Locator(".topbar")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_providers_error_and_no_ui()
    {
        var ui = await NewUiAsync();
        await ui.Page.GotoAsync(ui.BaseUri.ToString());
        await Expect(ui.Page).ToHaveURLAsync(ui.LoginPage);

        await ui.SubmitLoginAsync(CanopyUi.Student, "not-the-password");

        await Expect(ui.Page.Locator(".error[role='alert']")).ToContainTextAsync("user name or password is wrong");
        await Expect(ui.Page).ToHaveURLAsync(ui.LoginPage);
        await Expect(ui.Page.Locator(".topbar")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_sign_in_link_returns_to_local_pages_only()
    {
        var ui = await NewUiAsync();
        await ui.SignInAsync(CanopyUi.Student);

        await ui.Page.GotoAsync(new Uri(ui.BaseUri, "/account/login?returnUrl=//elsewhere.example/").ToString());

        await Expect(ui.Page).ToHaveURLAsync(ui.BaseUri.ToString());
        await Expect(ui.Page.Locator("[data-ready='true']")).ToBeVisibleAsync();
    }
}
