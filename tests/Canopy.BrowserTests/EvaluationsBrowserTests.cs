using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Canopy.Contracts.Evaluations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Canopy.BrowserTests;

/// <summary>The instructors' Evaluations page, and the run's scores in the Aspire dashboard's GenAI view of the evaluated span.</summary>
[Collection(CanopyAppCollection.Name)]
public sealed class EvaluationsBrowserTests(CanopyAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_instructor_starts_a_run_and_reads_its_cases_and_the_dashboard_shows_the_scores_on_the_answers_span()
    {
        var ui = new CanopyUi(app, await browser.NewPageAsync());
        await ui.OpenAsync("/evaluations", CanopyUi.Instructor);
        var page = ui.Page;

        await Expect(page.Locator("[data-notice='extractive']")).ToBeVisibleAsync();
        await page.Locator("select[name='set']").SelectOptionAsync("course-basics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start run" }).ClickAsync();
        var row = page.Locator("table.evaluation-runs tbody tr").First;
        await Expect(row).ToHaveAttributeAsync("data-status", EvaluationRunStatus.Completed, new() { Timeout = (float)RunDeadline.TotalMilliseconds });
        await Expect(page.Locator(".run-details article.evaluation-case")).ToHaveCountAsync(11);
        var refusalCase = page.Locator("article[data-case='parking-permit'] li[data-metric='refusal']");
        await Expect(refusalCase).ToHaveAttributeAsync("data-label", "fail");
        await ui.ScreenshotAsync("evaluations.png");

        using var be = app.CreateClient("canopy-be");
        var runs = await be.GetFromJsonAsync<List<EvaluationRunInfo>>("/api/evaluations/runs");
        var detail = await be.GetFromJsonAsync<EvaluationRunDetail>($"/api/evaluations/runs/{runs![0].Id}");
        var answer = detail!.Results.Single(r => r.CaseId == "hashmap-load-factor");

        var dashboard = await browser.NewPageAsync();
        var baseUri = app.App.GetEndpoint("aspire-dashboard", "http");
        var token = app.App.Services.GetRequiredService<IConfiguration>()["AppHost:BrowserToken"];
        await dashboard.GotoAsync(new Uri(baseUri, $"/login?t={token}").ToString());
        await dashboard.GotoAsync(new Uri(baseUri, $"/traces/detail/{answer.TraceId}").ToString());
        // extractive-generate names a GenAI provider, so the dashboard offers its GenAI view; the scores are its evaluations.
        await dashboard.Locator("tr:has(td[title='canopy-be: extractive-generate']) .genai-details-button").ClickAsync();
        var tab = dashboard.Locator("#tab-overview-Evaluations");
        await Expect(tab).ToContainTextAsync(answer.Scores.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await tab.ClickAsync();
        var dialog = dashboard.Locator(".genai-dialog-body");
        foreach (var score in answer.Scores)
            await Expect(dialog).ToContainTextAsync(new Regex(string.Join(@"\s*", new[] { score.Name, $"{score.Value:0.##}", score.Label!, score.Explanation! }.Select(Regex.Escape))));
        if (Environment.GetEnvironmentVariable("CANOPY_SCREENSHOTS_DIR") is { Length: > 0 } dir)
            await dashboard.ScreenshotAsync(new() { Path = Path.Combine(dir, "evaluation-genai-view.png") });
    }
}
