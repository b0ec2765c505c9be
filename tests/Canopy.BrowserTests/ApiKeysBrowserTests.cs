using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Canopy.Contracts.ApiKeys;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>
/// Personal API keys in a real browser: a user creates one and revokes it, an administrator revokes anyone's, and canopy-be's
/// <c>/v1</c> honours a key until then. Each test names its keys uniquely, so none depends on another's.
/// </summary>
[Collection(CanopyAppCollection.Name)]
public sealed class ApiKeysBrowserTests(CanopyAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<CanopyUi> OpenKeysAsync(string user)
    {
        var ui = new CanopyUi(app, await browser.NewPageAsync());
        await ui.OpenAsync("/keys", user);
        return ui;
    }

    private static string UniqueName(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private static ILocator OwnKeyRow(CanopyUi ui, string name) =>
        ui.Page.Locator("table.keys[aria-label='Your API keys'] tr", new() { HasText = name });

    /// <summary>What canopy-be's OpenAI-compatible front door answers to a call carrying this key and nothing else.</summary>
    private async Task<HttpStatusCode> ModelsStatusAsync(string secret)
    {
        using var http = new HttpClient { BaseAddress = app.App.GetEndpoint("canopy-be", "http") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Creates a key for <paramref name="user"/> through canopy-be itself, as a script of theirs would have.</summary>
    private async Task<ApiKeyCreated> CreateKeyAsync(string user, string name)
    {
        using var be = app.CreateClient("canopy-be", user);
        using var response = await be.PostAsJsonAsync("/api/keys", new ApiKeyRequest(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ApiKeyCreated>())!;
    }

    [Fact]
    public async Task A_student_creates_a_key_that_opens_v1_until_they_revoke_it()
    {
        var ui = new CanopyUi(app, await browser.NewPageAsync());
        var refused = new List<string>();
        ui.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (refused) refused.Add(message.Text);
        };
        await ui.OpenAsync(user: CanopyUi.Student);
        await ui.Page.Locator("nav.topnav").GetByRole(AriaRole.Link, new() { Name = "API keys", Exact = true }).ClickAsync();
        await Expect(ui.Page.Locator(".keys-page[data-ready='true']")).ToBeVisibleAsync();
        var name = UniqueName("notebook");

        await ui.Page.GetByLabel("New key").FillAsync(name);
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Create key", Exact = true }).ClickAsync();

        var secretField = ui.Page.Locator("#new-key-secret");
        await Expect(secretField).ToHaveValueAsync(new Regex($"^{ApiKeyFormat.SecretPrefix}"));
        await Expect(secretField).Not.ToBeEditableAsync();
        var secret = await secretField.InputValueAsync();
        var shown = ui.Page.Locator(".new-key");
        await Expect(shown).ToContainTextAsync("will not be shown again");
        await Expect(shown).ToContainTextAsync("Authorization: Bearer <key>");
        await Expect(shown).ToContainTextAsync($"{app.App.GetEndpoint("canopy-be", "http").GetLeftPart(UriPartial.Authority)}/v1");
        Assert.Equal(HttpStatusCode.OK, await ModelsStatusAsync(secret));

        // The list tells keys apart by their first characters and never holds the secret itself.
        var row = OwnKeyRow(ui, name);
        await Expect(row).ToHaveAttributeAsync("data-revoked", "false");
        var prefix = (await row.Locator(".key-prefix").TextContentAsync())!.TrimEnd('…');
        Assert.StartsWith(prefix, secret);
        Assert.NotEqual(secret, prefix);
        await ui.ScreenshotAsync("api-keys.png");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}", Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Confirm revoking {name}", Exact = true }).ClickAsync();

        await Expect(row).ToHaveAttributeAsync("data-revoked", "true");
        await Expect(row).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await ModelsStatusAsync(secret));
        await Expect(ui.Page.Locator("[data-section='all-keys']")).ToHaveCountAsync(0);
        await Expect(ui.Page.GetByRole(AriaRole.Heading, new() { Name = "All keys", Exact = true })).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("[data-problem]")).ToHaveCountAsync(0);
        lock (refused) Assert.Empty(refused);
    }

    [Fact]
    public async Task An_administrator_sees_a_students_key_with_its_owner_and_revokes_it()
    {
        var name = UniqueName("grading-script");
        var key = await CreateKeyAsync(CanopyUi.Student, name);
        Assert.Equal(HttpStatusCode.OK, await ModelsStatusAsync(key.Secret));

        var ui = await OpenKeysAsync(CanopyUi.Admin);
        var all = ui.Page.Locator("[data-section='all-keys']");
        await Expect(all.GetByRole(AriaRole.Heading, new() { Name = "All keys", Exact = true })).ToBeVisibleAsync();
        var row = all.Locator("tr", new() { HasText = name });
        await Expect(row.Locator(".key-owner")).ToHaveTextAsync(CanopyUi.Student);
        await Expect(row.Locator(".key-prefix")).ToHaveTextAsync($"{key.Key.Prefix}…");
        await Expect(OwnKeyRow(ui, name)).ToHaveCountAsync(0);
        await ui.ScreenshotAsync("api-keys-admin.png");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name} of {CanopyUi.Student}", Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Confirm revoking {name} of {CanopyUi.Student}", Exact = true }).ClickAsync();

        await Expect(row).ToHaveAttributeAsync("data-revoked", "true");
        Assert.Equal(HttpStatusCode.Unauthorized, await ModelsStatusAsync(key.Secret));
        await Expect(all.Locator("[data-problem]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_user_at_the_limit_is_told_why_no_key_was_created()
    {
        using var be = app.CreateClient("canopy-be", CanopyUi.Instructor);
        var held = (await be.GetFromJsonAsync<ApiKeyInfo[]>("/api/keys"))!.Count(k => k.RevokedAt is null);
        var filler = new List<ApiKeyCreated>();
        try
        {
            for (var i = held; i < ApiKeyFormat.MaxActivePerUser; i++) filler.Add(await CreateKeyAsync(CanopyUi.Instructor, UniqueName("filler")));
            var ui = await OpenKeysAsync(CanopyUi.Instructor);
            await Expect(ui.Page.Locator(".key-count")).ToHaveTextAsync($"{ApiKeyFormat.MaxActivePerUser} of {ApiKeyFormat.MaxActivePerUser} active keys");
            var name = UniqueName("one-too-many");

            await ui.Page.GetByLabel("New key").FillAsync(name);
            await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Create key", Exact = true }).ClickAsync();

            await Expect(ui.Page.Locator("[data-problem='create'][role='alert']")).ToBeVisibleAsync();
            await Expect(ui.Page.Locator("#new-key-secret")).ToHaveCountAsync(0);
            await Expect(OwnKeyRow(ui, name)).ToHaveCountAsync(0);
            // What was typed stays, to try again once a key is revoked.
            await Expect(ui.Page.GetByLabel("New key")).ToHaveValueAsync(name);
        }
        finally
        {
            foreach (var key in filler) (await be.DeleteAsync($"/api/keys/{key.Key.Id}")).Dispose();
        }
    }
}
