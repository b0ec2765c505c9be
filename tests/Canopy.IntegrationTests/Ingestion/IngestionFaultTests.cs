using Canopy.TestUtilities.Files;
using System.Net;
using System.Text;
using Canopy.Contracts.Documents;
using Canopy.Contracts.Search;
using Canopy.Rag.Ingestion;
using Xunit.Abstractions;

namespace Canopy.IntegrationTests.Ingestion;

/// <summary>One real canopy-rag process (empty corpus, its own folders) shared by the ingestion fault tests.</summary>
public sealed class RagProcessFixture : IAsyncLifetime
{
    private readonly string _root = TestDirectory.Create("canopy-faults-");

    public RagProcess Rag { get; private set; } = default!;

    public string DocumentsPath => Path.Combine(_root, "documents");

    public async Task InitializeAsync()
    {
        Rag = await RagProcess.StartAsync(new Dictionary<string, string>
        {
            ["Canopy__Rag__DataPath"] = Path.Combine(_root, "data"),
            ["Canopy__Rag__Ingestion__CorpusPath"] = Directory.CreateDirectory(Path.Combine(_root, "corpus")).FullName,
            ["Canopy__Rag__Ingestion__DocumentsPath"] = Directory.CreateDirectory(DocumentsPath).FullName,
        }, TimeSpan.FromMinutes(2));
        // The tests hold readiness to stay while ingestion runs, so they start from a ready service.
        await Rag.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        if (Rag is not null) await Rag.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>
/// Faults against the real process: a zip bomb must not jam the queue, and delete and cancel answer promptly while a large
/// document is being ingested, and stick. Deadlines are cancellation tokens on the calls, so a hang fails the test; they are
/// far shorter than the ingestion being interrupted (minutes) and long enough for a loaded machine. The answer times are printed.
/// </summary>
public sealed class IngestionFaultTests(RagProcessFixture fixture, ITestOutputHelper output) : IClassFixture<RagProcessFixture>
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(3);

    private RagProcess Rag => fixture.Rag;

    [Fact]
    public async Task A_zip_bomb_ends_failed_within_30_s_and_an_upload_behind_it_is_searchable_within_30_s_more()
    {
        var bomb = TestFiles.ZipBombDocx(419L * 1024 * 1024);
        output.WriteLine($"bomb: {bomb.Length:N0} bytes holding 419 MB of XML");
        var accepted = await Rag.UploadAsync(bomb, "quarterly-report.docx");
        var behind = await Rag.UploadAsync("# Glacier notes\n\nA drumlin is an elongated hill shaped by glacial ice."u8.ToArray(), "glacier-notes.md");

        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            var failed = await Rag.WaitForDocumentAsync(accepted.Id, d => d.Status is DocumentStatus.Failed or DocumentStatus.Ready, deadline.Token);
            Assert.Equal(DocumentStatus.Failed, failed.Status);
            Assert.Contains("zip bomb", failed.Error);
            Assert.Equal(0, failed.Chunks);
        }
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (!(await SearchAsync("What shapes a drumlin?", deadline.Token)).Results.Any(r => r.DocumentId == behind.Id))
                await Task.Delay(50, deadline.Token);
        }
    }

    [Fact]
    public async Task Deleting_during_an_ingestion_answers_promptly_and_sticks()
    {
        var other = await Rag.UploadAsync("# Tide tables\n\nSpring tides follow the full and the new moon."u8.ToArray(), "tide-tables.md");
        using (var ready = new CancellationTokenSource(Long))
            await Rag.WaitForDocumentAsync(other.Id, d => d.Status == DocumentStatus.Ready, ready.Token);
        var big = await StartIngestingAsync("field-handbook.md", "quokka");

        // Another document, then the one being ingested: each answers long before the ingestion would have ended.
        foreach (var id in new[] { other.Id, big.Id })
        {
            var asked = System.Diagnostics.Stopwatch.StartNew();
            using var deadline = new CancellationTokenSource(Prompt);
            using var response = await Rag.Client.DeleteAsync($"/api/documents/{id}", deadline.Token);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            output.WriteLine($"DELETE {id} answered in {asked.ElapsedMilliseconds} ms");
        }

        // Once ingestion has nothing left, neither came back: no row, no file, no chunk in search.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await IngestionIdle.WaitAsync(Rag.Client, Long);
        output.WriteLine($"idle {clock.ElapsedMilliseconds} ms after the delete\n{Rag.Log}");
        foreach (var id in new[] { other.Id, big.Id })
        {
            using var gone = await Rag.Client.GetAsync($"/api/documents/{id}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        Assert.False(File.Exists(Path.Combine(fixture.DocumentsPath, "field-handbook.md")));
        Assert.False(File.Exists(Path.Combine(fixture.DocumentsPath, "tide-tables.md")));
        var hits = (await SearchAsync("quokka field handbook", CancellationToken.None)).Results;
        Assert.DoesNotContain(hits, h => h.DocumentId == big.Id || h.DocumentId == other.Id);
    }

    [Fact]
    public async Task While_it_ingests_the_service_stays_ready_and_a_cancel_answers_promptly()
    {
        var big = await StartIngestingAsync("lab-manual.md", "wombat");

        // Ready (200) while ingesting: the progress is a Degraded entry, never a reason to take the service out of rotation.
        using (var health = await Rag.Client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        }
        using (var alive = await Rag.Client.GetAsync("/alive")) Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        var status = await Rag.Client.GetFromJsonAsync<IngestionStatus>("/api/ingestion");
        Assert.False(status!.Idle);
        Assert.Equal(big.Id, status.Current);

        var asked = System.Diagnostics.Stopwatch.StartNew();
        using (var deadline = new CancellationTokenSource(Prompt))
        using (var response = await Rag.Client.PostAsync($"/api/documents/{big.Id}/cancel", null, deadline.Token))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        output.WriteLine($"cancel answered in {asked.ElapsedMilliseconds} ms");

        await IngestionIdle.WaitAsync(Rag.Client, Long);
        var cancelled = await Rag.Client.GetFromJsonAsync<DocumentInfo>($"/api/documents/{big.Id}");
        Assert.Equal((DocumentStatus.Failed, "Ingestion was cancelled on request.", 0), (cancelled!.Status, cancelled.Error, cancelled.Chunks));
        Assert.DoesNotContain((await SearchAsync("wombat lab manual", CancellationToken.None)).Results, h => h.DocumentId == big.Id);
        using (var delete = await Rag.Client.DeleteAsync($"/api/documents/{big.Id}")) Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    /// <summary>Uploads a Markdown file of about 2 MB (a couple of thousand chunks) and returns once it is being ingested.</summary>
    private async Task<DocumentInfo> StartIngestingAsync(string fileName, string marker)
    {
        var text = new StringBuilder($"# The {marker} field handbook\n\n");
        for (var section = 0; text.Length < 2_000_000; section++)
        {
            text.Append($"## Section {section}\n\n");
            for (var p = 0; p < 8; p++)
                text.Append($"Observation {section}.{p}: the {marker} colony near transect {section * 7 + p} foraged at dusk, ")
                    .Append($"while rainfall of {p * 3 + section % 11} mm changed which burrows were used.\n\n");
        }
        var accepted = await Rag.UploadAsync(Encoding.UTF8.GetBytes(text.ToString()), fileName);
        using var deadline = new CancellationTokenSource(Long);
        var ingesting = await Rag.WaitForDocumentAsync(accepted.Id, d => d.Status != DocumentStatus.Queued, deadline.Token);
        Assert.Equal(DocumentStatus.Ingesting, ingesting.Status);
        output.WriteLine($"{accepted.Id}: {text.Length:N0} characters, ingesting");
        return accepted;
    }

    private async Task<SearchResponse> SearchAsync(string query, CancellationToken cancellationToken)
    {
        using var response = await Rag.Client.PostAsJsonAsync("/api/search", new SearchRequest(query, 5), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SearchResponse>(cancellationToken))!;
    }
}
