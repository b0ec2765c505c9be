using System.Diagnostics;
using Canopy.Contracts.Documents;
using Canopy.Rag.Ingestion;
using Xunit.Abstractions;

namespace Canopy.IntegrationTests.Ingestion;

/// <summary>Files dropped into, changed in and deleted from the documents folder reach search through the real file watcher.</summary>
public sealed class DocumentsFolderWatchTests(RagServiceFactory factory, ITestOutputHelper output) : IClassFixture<RagServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_dropped_pdf_becomes_answerable_within_seconds_and_deleting_it_removes_it_from_answers()
    {
        const string question = "Which committee meets in the greenhouse on Thursdays?";
        await _client.WaitForSearchAsync(question, _ => true); // the service and its model are up
        Directory.CreateDirectory(factory.DocumentsPath);
        var staged = Path.Combine(factory.DataPath, "staged.pdf");
        await File.WriteAllBytesAsync(staged, TestFiles.LecturePdf("Botany Lecture 7", 5, "The xylophone committee meets in the greenhouse on Thursdays."));
        var dropped = Path.Combine(factory.DocumentsPath, "botany-lecture-7.pdf");

        var clock = Stopwatch.StartNew();
        File.Move(staged, dropped);
        var found = await _client.WaitForSearchAsync(question, r => r.Results.Any(h => h.DocumentId == "botany-lecture-7-pdf" && h.Text.Contains("xylophone")));
        var searchable = clock.Elapsed;
        var document = await _client.GetFromJsonAsync<DocumentInfo>("/api/documents/botany-lecture-7-pdf");
        output.WriteLine($"5-page PDF ({document!.Chunks} chunks) dropped into the documents folder was searchable after {searchable.TotalMilliseconds:0} ms");

        Assert.Equal("botany-lecture-7-pdf", found.Results[0].DocumentId);
        Assert.Equal("Botany Lecture 7 > Page 4", found.Results[0].HeadingPath);
        Assert.Equal((DocumentStatus.Ready, "documents/botany-lecture-7.pdf"), (document.Status, document.Source));

        File.Delete(dropped);
        await _client.WaitForSearchAsync(question, r => r.Results.All(h => h.DocumentId != "botany-lecture-7-pdf"));
        using var gone = await _client.GetAsync("/api/documents/botany-lecture-7-pdf");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Changing_a_file_in_the_folder_replaces_what_search_finds()
    {
        Directory.CreateDirectory(factory.DocumentsPath);
        var file = Path.Combine(factory.DocumentsPath, "office-hours.txt");
        await WriteAtomicallyAsync(file, "Professor Okafor holds office hours in room 101 on Mondays.");
        await _client.WaitForSearchAsync("Where are Professor Okafor's office hours?", r => r.Results.Any(h => h.Text.Contains("room 101")));

        await WriteAtomicallyAsync(file, "Professor Okafor moved office hours to room 404 on Fridays.");
        var after = await _client.WaitForSearchAsync("Where are Professor Okafor's office hours?",
            r => r.Results.Any(h => h.Text.Contains("room 404")) && r.Results.All(h => !h.Text.Contains("room 101")));

        Assert.Single(after.Results, h => h.DocumentId == "office-hours-txt");
    }

    [Fact]
    public async Task Rewriting_a_file_with_the_same_bytes_does_not_send_it_back_through_ingestion()
    {
        Directory.CreateDirectory(factory.DocumentsPath);
        var file = Path.Combine(factory.DocumentsPath, "lab-safety.txt");
        const string text = "Goggles stay on in the chemistry lab until the fume hoods are closed.";
        await WriteAtomicallyAsync(file, text);
        await _client.WaitForSearchAsync("When can goggles come off in the chemistry lab?", r => r.Results.Any(h => h.DocumentId == "lab-safety-txt"));
        await IngestionIdle.WaitAsync(_client, TimeSpan.FromMinutes(1));
        var state = factory.Services.GetRequiredService<IngestionState>();
        var (ingested, unchanged) = (state.Ingested, state.Unchanged);

        // Same bytes written in place (what an upload's own write or an editor's save looks like to the watcher), then a
        // second file whose arrival shows the watcher has handled both.
        await File.WriteAllTextAsync(file, text);
        await WriteAtomicallyAsync(Path.Combine(factory.DocumentsPath, "lab-hours.txt"), "The teaching lab opens at eight on weekdays.");
        await _client.WaitForSearchAsync("When does the teaching lab open?", r => r.Results.Any(h => h.DocumentId == "lab-hours-txt"));
        await IngestionIdle.WaitAsync(_client, TimeSpan.FromMinutes(1));

        Assert.Equal((ingested + 1, unchanged), (state.Ingested, state.Unchanged));
        var document = await _client.GetFromJsonAsync<DocumentInfo>("/api/documents/lab-safety-txt");
        Assert.Equal(DocumentStatus.Ready, document!.Status);
    }

    private async Task WriteAtomicallyAsync(string file, string text)
    {
        var staged = Path.Combine(factory.DataPath, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(staged, text);
        File.Move(staged, file, overwrite: true);
    }
}
