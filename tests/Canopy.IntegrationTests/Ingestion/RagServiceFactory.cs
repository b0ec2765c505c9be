using Canopy.Contracts.Documents;
using Canopy.Contracts.Search;
using Canopy.Rag.Ingestion;
using Canopy.TestUtilities.Files;
using Microsoft.AspNetCore.TestHost;

namespace Canopy.IntegrationTests.Ingestion;

/// <summary>
/// canopy-rag in-process with its real hosted services (worker, file watcher, MiniLM, SQLite) over temporary folders;
/// the bundled corpus is replaced by an empty folder so tests only wait for their own documents.
/// </summary>
public class RagServiceFactory : SignedInFactory<DocumentIngestor>
{
    public const long UploadLimit = 256 * 1024;

    public string DataPath { get; } = TestDirectory.Create("canopy-rag-data-");
    public string CorpusPath { get; } = TestDirectory.Create("canopy-rag-corpus-");
    public string DocumentsPath => Path.Combine(DataPath, "documents");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Canopy:Rag:DataPath", DataPath);
        builder.UseSetting("Canopy:Rag:Ingestion:CorpusPath", CorpusPath);
        builder.UseSetting("Canopy:Rag:Ingestion:MaxUploadBytes", UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Canopy:Rag:Ingestion:DebounceMilliseconds", "200");
        builder.ConfigureTestServices(ConfigureServices);
    }

    /// <summary>Services a derived factory replaces (none here).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { DataPath, CorpusPath })
        {
            try { Directory.Delete(path, recursive: true); }
            catch (IOException) { }
        }
    }
}

/// <summary>Polling helpers: ingestion is asynchronous, so tests poll the public API until a deadline.</summary>
public static class RagClient
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public static async Task<DocumentInfo> WaitForStatusAsync(this HttpClient client, string id, params string[] statuses)
    {
        var until = DateTime.UtcNow + Deadline;
        DocumentInfo? last = null;
        while (DateTime.UtcNow < until)
        {
            using var response = await client.GetAsync($"/api/documents/{id}");
            if (response.IsSuccessStatusCode)
            {
                last = await response.Content.ReadFromJsonAsync<DocumentInfo>();
                if (last is not null && statuses.Contains(last.Status)) return last;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{id} did not reach {string.Join("/", statuses)} in {Deadline}; last seen: {last}");
    }

    public static async Task<SearchResponse> SearchAsync(this HttpClient client, string query, int topK = 5)
    {
        using var response = await client.PostAsJsonAsync("/api/search", new SearchRequest(query, topK));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SearchResponse>())!;
    }

    /// <summary>Polls search until <paramref name="done"/> holds for the results, and returns them.</summary>
    public static async Task<SearchResponse> WaitForSearchAsync(this HttpClient client, string query, Func<SearchResponse, bool> done)
    {
        var until = DateTime.UtcNow + Deadline;
        SearchResponse? last = null;
        while (DateTime.UtcNow < until)
        {
            last = await client.SearchAsync(query);
            if (done(last)) return last;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Search for '{query}' did not reach the expected results in {Deadline}: {string.Join(", ", last?.Results.Select(r => r.DocumentId) ?? [])}");
    }

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string field = "file") =>
        new() { { new ByteArrayContent(content), field, fileName } };
}
