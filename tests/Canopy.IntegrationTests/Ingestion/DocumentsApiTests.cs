using System.Net;
using System.Text;
using System.Text.Json;
using Canopy.Contracts.Documents;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Readers;

namespace Canopy.IntegrationTests.Ingestion;

public sealed class DocumentsApiTests(RagServiceFactory factory) : IClassFixture<RagServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public void The_upload_limits_the_ui_offers_are_the_ones_canopy_rag_applies()
    {
        Assert.Equal(DocumentUploads.Extensions.Order(), DocumentReaders.Extensions.Order());
        Assert.Equal(DocumentUploads.DefaultMaxBytes, new IngestionOptions().MaxUploadBytes);
    }

    [Fact]
    public async Task An_uploaded_markdown_file_becomes_answerable_and_deleting_it_removes_it_everywhere()
    {
        var markdown = "---\ncourse: GEO-101\nkind: handout\n---\n# Glacier Handout\n\n## Moraines\n\nA terminal moraine marks the furthest advance of a glacier.";
        using var upload = await _client.PostAsync("/api/documents", RagClient.Upload(Encoding.UTF8.GetBytes(markdown), "glacier handout.md"));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var accepted = (await upload.Content.ReadFromJsonAsync<DocumentInfo>())!;
        Assert.Equal("glacier-handout-md", accepted.Id);
        Assert.Equal($"/api/documents/{accepted.Id}", upload.Headers.Location?.OriginalString);
        Assert.True(File.Exists(Path.Combine(factory.DocumentsPath, "glacier handout.md")));

        var ready = await _client.WaitForStatusAsync(accepted.Id, DocumentStatus.Ready);
        Assert.Equal(("Glacier Handout", "documents/glacier handout.md", "GEO-101", "handout", 100, 1), (ready.Title, ready.Source, ready.Course, ready.Kind, ready.Progress, ready.Chunks));
        Assert.Null(ready.Error);
        var hits = await _client.SearchAsync("What does a terminal moraine mark?");
        Assert.Equal(accepted.Id, hits.Results[0].DocumentId);
        Assert.Contains(await ListAsync(), d => d.Id == accepted.Id && d.Status == DocumentStatus.Ready);
        using (var content = await _client.GetAsync($"/api/documents/{accepted.Id}/content"))
        {
            Assert.Equal("text/markdown", content.Content.Headers.ContentType?.MediaType);
            Assert.Equal("# Glacier Handout\n\n## Moraines\n\nA terminal moraine marks the furthest advance of a glacier.", await content.Content.ReadAsStringAsync());
        }

        using var delete = await _client.DeleteAsync($"/api/documents/{accepted.Id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.DocumentsPath, "glacier handout.md")));
        Assert.DoesNotContain((await _client.SearchAsync("terminal moraine glacier")).Results, r => r.DocumentId == accepted.Id);
        Assert.DoesNotContain(await ListAsync(), d => d.Id == accepted.Id);
        await AssertProblemAsync(await _client.GetAsync($"/api/documents/{accepted.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pdf_and_docx_uploads_are_read_indexed_and_shown_as_extracted_text()
    {
        var pdf = TestFiles.Pdf("Volcano Field Notes", ["Basaltic lava flows are fluid and travel far."], ["Pyroclastic flows move faster than cars."]);
        var docx = TestFiles.Docx("Ocean Currents", ("Heading1", "Gulf Stream"), (null, "The Gulf Stream warms the climate of western Europe."));
        using (await _client.PostAsync("/api/documents", RagClient.Upload(pdf, "volcano.pdf"))) { }
        using (await _client.PostAsync("/api/documents", RagClient.Upload(docx, "currents.docx"))) { }

        var pdfDoc = await _client.WaitForStatusAsync("volcano-pdf", DocumentStatus.Ready);
        var docxDoc = await _client.WaitForStatusAsync("currents-docx", DocumentStatus.Ready);

        Assert.Equal(("Volcano Field Notes", 2), (pdfDoc.Title, pdfDoc.Chunks));
        Assert.Equal(("Ocean Currents", 1), (docxDoc.Title, docxDoc.Chunks));
        var hit = (await _client.SearchAsync("How fast are pyroclastic flows?")).Results[0];
        Assert.Equal(("volcano-pdf", "Volcano Field Notes > Page 2"), (hit.DocumentId, hit.HeadingPath));
        Assert.Equal("currents-docx", (await _client.SearchAsync("What warms western Europe?")).Results[0].DocumentId);
        using var text = await _client.GetAsync("/api/documents/volcano-pdf/content");
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Pyroclastic flows move faster than cars.", await text.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_corrupt_pdf_fails_with_its_reason_and_does_not_stop_other_documents()
    {
        using (await _client.PostAsync("/api/documents", RagClient.Upload(TestFiles.CorruptPdf(), "broken.pdf"))) { }
        using (await _client.PostAsync("/api/documents", RagClient.Upload("# Tides\n\nSpring tides follow the full moon."u8.ToArray(), "tides.md"))) { }

        var broken = await _client.WaitForStatusAsync("broken-pdf", DocumentStatus.Failed, DocumentStatus.Ready);
        var tides = await _client.WaitForStatusAsync("tides-md", DocumentStatus.Ready, DocumentStatus.Failed);

        Assert.Equal(DocumentStatus.Failed, broken.Status);
        Assert.StartsWith("The file could not be read:", broken.Error);
        Assert.Equal(0, broken.Chunks);
        Assert.Equal(DocumentStatus.Ready, tides.Status);
        Assert.Equal("tides-md", (await _client.SearchAsync("When are spring tides?")).Results[0].DocumentId);
        await AssertProblemAsync(await _client.GetAsync("/api/documents/broken-pdf/content"), HttpStatusCode.UnprocessableEntity);
    }

    private async Task<IReadOnlyList<DocumentInfo>> ListAsync() => (await _client.GetFromJsonAsync<List<DocumentInfo>>("/api/documents"))!;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors name '{field}': {problem}");
        }
    }
}
