using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Canopy.TestUtilities.Files;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>The document library in a real browser: upload, ingestion progress, asking about the upload, reading a cited passage, delete.</summary>
[Collection(CanopyAppCollection.Name)]
public sealed class DocumentsBrowserTests(CanopyAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>As an instructor: students do not upload or delete.</summary>
    private async Task<CanopyUi> OpenAsync(string path)
    {
        var ui = new CanopyUi(app, await browser.NewPageAsync());
        await ui.OpenAsync(path, CanopyUi.Instructor);
        return ui;
    }

    private async Task SkipUnlessDocumentApiAsync(string path = "/api/documents")
    {
        using var rag = app.CreateClient("canopy-rag");
        using var response = await rag.GetAsync(path);
        Skip.If(response.StatusCode == HttpStatusCode.NotFound, $"canopy-rag has no GET {path} yet (404).");
    }

    /// <summary>Uploads are removed even when a test stops half way, so they cannot change later answers.</summary>
    private async Task DeleteByTitleAsync(string title)
    {
        using var rag = app.CreateClient("canopy-rag");
        var documents = await rag.GetFromJsonAsync<JsonElement[]>("/api/documents") ?? [];
        foreach (var d in documents.Where(d => d.GetProperty("title").GetString() == title))
            await rag.DeleteAsync($"/api/documents/{Uri.EscapeDataString(d.GetProperty("id").GetString()!)}");
    }

    private static string WriteDocument(string name, string text)
    {
        var path = Path.Combine(TestDirectory.Create("canopy-upload-"), name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<ILocator> UploadAsync(CanopyUi ui, string file, string title)
    {
        await ui.Page.Locator("input#upload").SetInputFilesAsync(file);
        var row = ui.Page.Locator("table.documents tr", new() { HasText = title });
        await Expect(row).ToHaveAttributeAsync("data-status", "ready", new() { Timeout = 60_000 });
        return row;
    }

    [SkippableFact]
    public async Task An_uploaded_document_is_ingested_answerable_readable_and_deletable()
    {
        await SkipUnlessDocumentApiAsync();
        var ui = await OpenAsync("/documents");
        await Expect(ui.Page.Locator("table.documents tr[data-status='ready']").First).ToBeVisibleAsync();
        var file = WriteDocument("zorblax-seminar.md", """
            # Zorblax Seminar Notes

            ## The Zorblax theorem

            The Zorblax theorem states that every quillion lattice has exactly seven mirrored vertices.
            It was proved by Professor Ada Quill in the spring seminar of 2026.
            """);

        try
        {
            var uploaded = await UploadAsync(ui, file, "Zorblax Seminar Notes");
            await Expect(ui.Page.Locator(".dropzone")).ToContainTextAsync("Drop files here");
            await ui.Page.SetViewportSizeAsync(1280, 1160);
            await Expect(uploaded).ToBeInViewportAsync();
            await ui.ScreenshotAsync("documents.png");

            await ui.Page.Locator("nav.topnav").GetByRole(AriaRole.Link, new() { Name = "Chat" }).ClickAsync();
            var turn = await CanopyUi.FinishedAsync(await ui.AskAsync("What does the Zorblax theorem state about quillion lattices?"));
            await Expect(turn.Locator(".markdown")).ToContainTextAsync("seven mirrored vertices");
            var card = turn.Locator(".source", new() { HasText = "Zorblax Seminar Notes" }).First;
            await Expect(card).ToBeVisibleAsync();

            // The source card opens the document with the cited passage highlighted.
            var documentId = await card.GetAttributeAsync("data-document-id");
            await card.Locator("a.title").ClickAsync();
            await Expect(ui.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/documents/[^?]+\\?turn="));
            await SkipUnlessDocumentApiAsync($"/api/documents/{documentId}/content");
            await Expect(ui.Page.Locator("mark#passage")).ToContainTextAsync("seven mirrored vertices");

            await ui.Page.Locator("nav.topnav").GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
            var row = ui.Page.Locator("table.documents tr", new() { HasText = "Zorblax Seminar Notes" });
            await row.GetByRole(AriaRole.Button, new() { Name = "Delete Zorblax Seminar Notes" }).ClickAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "Confirm deleting Zorblax Seminar Notes" }).ClickAsync();
            await Expect(ui.Page.Locator("table.documents tr", new() { HasText = "Zorblax Seminar Notes" })).ToHaveCountAsync(0);
        }
        finally
        {
            await DeleteByTitleAsync("Zorblax Seminar Notes");
        }
    }

    [SkippableFact]
    public async Task Uploading_a_name_already_in_the_library_asks_before_it_replaces()
    {
        await SkipUnlessDocumentApiAsync();
        var ui = await OpenAsync("/documents");
        using var rag = app.CreateClient("canopy-rag");
        try
        {
            await UploadAsync(ui, WriteDocument("ferry-timetable.md", "# Ferry Timetable\n\nThe island ferry leaves at 7:15 on weekdays."), "Ferry Timetable");
            await ui.Page.Locator("input#upload").SetInputFilesAsync(
                WriteDocument("ferry-timetable.md", "# Ferry Timetable\n\nThe island ferry now leaves at 8:40 on weekdays."));

            var question = ui.Page.Locator("[data-conflict='ferry-timetable.md']");
            await Expect(question).ToContainTextAsync("already in the library");
            Assert.Contains("7:15", await rag.GetStringAsync("/api/documents/ferry-timetable-md/content"));

            await question.GetByRole(AriaRole.Button, new() { Name = "Replace ferry-timetable.md" }).ClickAsync();
            await Expect(question).ToHaveCountAsync(0);
            // The new version is what search finds once it is ingested; the old one is gone.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                using var response = await rag.PostAsJsonAsync("/api/search", new { query = "When does the island ferry leave on weekdays?", topK = 3 }, deadline.Token);
                var hits = (await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("results").EnumerateArray()
                    .Where(h => h.GetProperty("documentId").GetString() == "ferry-timetable-md").Select(h => h.GetProperty("text").GetString()).ToList();
                if (hits.Count == 1 && hits[0]!.Contains("8:40")) break;
                await Task.Delay(200, deadline.Token);
            }
            await Expect(ui.Page.Locator("table.documents tr", new() { HasText = "Ferry Timetable" })).ToHaveAttributeAsync("data-status", "ready");
        }
        finally
        {
            await DeleteByTitleAsync("Ferry Timetable");
        }
    }

    [SkippableFact]
    public async Task Markup_quoted_from_a_document_is_shown_as_text_and_never_runs()
    {
        await SkipUnlessDocumentApiAsync();
        var ui = await OpenAsync("/documents");
        var dialogs = new List<string>();
        ui.Page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        var file = WriteDocument("hostile-notes.md", """
            # Hostile Markup Notes

            The frobnicator calibration uses <img src=x onerror="window.__canopyXss=1;alert('img')"> the vellum coefficient.
            The frobnicator calibration then applies <script>window.__canopyXss=2;alert('script')</script> a second vellum pass.
            """);
        await UploadAsync(ui, file, "Hostile Markup Notes");

        await ui.Page.Locator("nav.topnav").GetByRole(AriaRole.Link, new() { Name = "Chat" }).ClickAsync();
        var turn = await CanopyUi.FinishedAsync(await ui.AskAsync("How does the frobnicator calibration use the vellum coefficient?"));
        await Expect(turn.Locator(".source", new() { HasText = "Hostile Markup Notes" }).First).ToBeVisibleAsync();
        await Expect(turn.Locator(".markdown")).ToContainTextAsync("frobnicator");

        Assert.Equal(0, await turn.Locator("img, script").CountAsync());
        Assert.Equal(0, await turn.Locator("[onerror]").CountAsync());
        Assert.True(await ui.Page.EvaluateAsync<bool>("() => window.__canopyXss === undefined"));
        Assert.Empty(dialogs);

        await DeleteByTitleAsync("Hostile Markup Notes");
    }
}
