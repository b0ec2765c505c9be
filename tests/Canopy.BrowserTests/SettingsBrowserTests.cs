using System.Net;
using System.Net.Http.Json;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Features;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>
/// The administrators' settings page in a real browser: a feature switched off there leaves every student's chat and is
/// refused by canopy-be until reset to configuration; students see neither the page nor its link.
/// </summary>
/// <remarks>
/// Summarize is switched because it is the one a student can see go: the browser tests run one at a time
/// (<see cref="CanopyAppCollection"/>, Parallelization.cs), and the switch is reset in a finally for the chat's summarize test.
/// </remarks>
[Collection(CanopyAppCollection.Name)]
public sealed class SettingsBrowserTests(CanopyAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Refusal = "Only administrators can change settings.";

    private async Task<CanopyUi> OpenAsync(string path, string user)
    {
        var ui = new CanopyUi(app, await browser.NewPageAsync());
        await ui.OpenAsync(path, user);
        return ui;
    }

    private static ILocator NavLink(CanopyUi ui, string name) =>
        ui.Page.Locator("nav.topnav").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static ILocator FeaturePicker(CanopyUi ui) => ui.Page.GetByRole(AriaRole.Radiogroup, new() { Name = "What Canopy should do" });

    private async Task<FeatureFlag> StudentsFlagAsync(string id)
    {
        using var be = app.CreateClient("canopy-be", CanopyUi.Student);
        var flags = await be.GetFromJsonAsync<FeatureFlagsResponse>("/api/feature-flags");
        return flags!.Features.Single(f => f.Id == id);
    }

    [Fact]
    public async Task An_administrator_turns_summarize_off_for_every_student_and_resets_it_to_configuration()
    {
        try
        {
            var admin = await OpenAsync("/", CanopyUi.Admin);
            var refused = new List<string>();
            admin.Page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (refused) refused.Add(message.Text);
            };
            await NavLink(admin, "Settings").ClickAsync();
            await Expect(admin.Page.Locator(".settings-page[data-ready='true']")).ToBeVisibleAsync();
            await Expect(admin.Page.Locator("[data-note='everyone']")).ToContainTextAsync("applies to every user at once");
            var row = admin.Page.Locator($".feature-switch[data-feature='{FeatureIds.Summarize}']");
            var toggle = row.GetByRole(AriaRole.Switch, new() { Name = "Summarize", Exact = true });
            var reset = row.GetByRole(AriaRole.Button, new() { Name = "Reset to configuration", Exact = true });
            await Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(row).ToHaveAttributeAsync("data-overridden", "false");
            await Expect(reset).ToHaveCountAsync(0);

            await toggle.ClickAsync();

            await Expect(toggle).ToHaveAttributeAsync("aria-checked", "false");
            await Expect(row).ToHaveAttributeAsync("data-overridden", "true");
            await Expect(row.Locator(".feature-switch-source")).ToContainTextAsync("configuration says on");
            await Expect(reset).ToBeVisibleAsync();
            await admin.ScreenshotAsync("settings.png");

            // The chat hides a feature canopy-be lists as off (FeatureMenu.Enabled); the other features stay.
            var student = await OpenAsync("/", CanopyUi.Student);
            await Expect(FeaturePicker(student).GetByRole(AriaRole.Radio, new() { Name = "Information search", Exact = true })).ToBeVisibleAsync();
            await Expect(student.Page.Locator($"[data-feature='{FeatureIds.Summarize}']")).ToHaveCountAsync(0);
            await Expect(FeaturePicker(student).GetByRole(AriaRole.Radio, new() { Name = "Summarize", Exact = true })).ToHaveCountAsync(0);
            using (var be = app.CreateClient("canopy-be", CanopyUi.Student))
            using (var chat = await be.PostAsJsonAsync("/api/chat", new ChatRequest("Some text to summarise.", Feature: FeatureIds.Summarize)))
            {
                Assert.Equal(HttpStatusCode.BadRequest, chat.StatusCode);
                Assert.Contains("turned off", await chat.Content.ReadAsStringAsync());
            }

            await reset.ClickAsync();

            await Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(row).ToHaveAttributeAsync("data-overridden", "false");
            await Expect(reset).ToHaveCountAsync(0);
            await Expect(admin.Page.Locator("[data-problem]")).ToHaveCountAsync(0);
            Assert.True((await StudentsFlagAsync(FeatureIds.Summarize)).Enabled);
            await student.OpenAsync("/", CanopyUi.Student);
            await Expect(FeaturePicker(student).GetByRole(AriaRole.Radio, new() { Name = "Summarize", Exact = true })).ToBeVisibleAsync();
            lock (refused) Assert.Empty(refused);
        }
        finally
        {
            // The switch is durable and for everyone: other tests of this AppHost ask with summarize.
            using var be = app.CreateClient("canopy-be", CanopyUi.Admin);
            (await be.DeleteAsync($"/api/admin/features/{FeatureIds.Summarize}")).Dispose();
        }
    }

    [Fact]
    public async Task A_student_sees_no_settings_link_and_is_told_the_page_is_for_administrators()
    {
        var ui = await OpenAsync("/", CanopyUi.Student);
        await Expect(NavLink(ui, "API keys")).ToBeVisibleAsync();
        await Expect(NavLink(ui, "Settings")).ToHaveCountAsync(0);

        // Typed in the address bar: a request the server refuses with the message, at the same address.
        var response = await ui.Page.GotoAsync(new Uri(ui.BaseUri, "/settings").ToString());

        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Expect(ui.Page.Locator(".refused-page[data-ready='true']")).ToBeVisibleAsync();
        await AssertRefusedAsync(ui);

        // Followed inside the running app: no request, so the router refuses it.
        await ui.OpenAsync("/", CanopyUi.Student);
        await ui.Page.EvaluateAsync("() => Blazor.navigateTo('/settings')");

        await Expect(ui.Page).ToHaveURLAsync(new Uri(ui.BaseUri, "/settings").ToString());
        await AssertRefusedAsync(ui);
    }

    private static async Task AssertRefusedAsync(CanopyUi ui)
    {
        await Expect(ui.Page.Locator("[data-refused][role='alert']")).ToHaveTextAsync(Refusal);
        await Expect(ui.Page.GetByRole(AriaRole.Switch)).ToHaveCountAsync(0);
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Exact = true })).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator(".settings-page")).ToHaveCountAsync(0);
        await Expect(NavLink(ui, "Settings")).ToHaveCountAsync(0);
    }
}
