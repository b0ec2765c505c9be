using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Canopy.Contracts.Documents;
using Canopy.Rag.Ingestion;

namespace Canopy.IntegrationTests.Ingestion;

/// <summary>
/// Every kind of bad input to <c>/api/documents*</c>, one row each: the answer is the 4xx of the table with problem details that
/// name the problem (never a 500), and nothing is left behind: no file (not even a temp file), no document, no queued work.
/// </summary>
public sealed class DocumentsBadInputTests(RagServiceFactory factory) : IClassFixture<RagServiceFactory>
{
    /// <summary>A request, the status it must get, and a phrase the problem details must contain.</summary>
    public sealed record Case(Func<HttpRequestMessage> Request, HttpStatusCode Status, string Names);

    private static readonly byte[] Markdown = "# Notes\n\nPhotosynthesis turns light into sugar."u8.ToArray();

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // File names: a name is never a path, hidden, a device, or too long.
        ["name with ../ traversal"] = Upload(Markdown, "../../etc/passwd.md", HttpStatusCode.BadRequest, "is a path"),
        ["name that is an absolute Unix path"] = Upload(Markdown, "/etc/cron.d/notes.md", HttpStatusCode.BadRequest, "is a path"),
        ["name that is a Windows path"] = Upload(Markdown, @"C:\Users\x\notes.md", HttpStatusCode.BadRequest, "is a path"),
        ["name with a drive letter"] = Upload(Markdown, "C:notes.md", HttpStatusCode.BadRequest, "absolute path"),
        ["name with a NUL byte"] = Upload(Markdown, "notes\0.md", HttpStatusCode.BadRequest, "control characters"),
        ["name with a newline"] = Upload(Markdown, "notes\n.md", HttpStatusCode.BadRequest, "control characters"),
        ["reserved device name"] = Upload(Markdown, "CON.md", HttpStatusCode.BadRequest, "reserved device name"),
        ["reserved device name, other case"] = Upload(Markdown, "nul.txt", HttpStatusCode.BadRequest, "reserved device name"),
        ["over-long name"] = Upload(Markdown, new string('a', 250) + ".md", HttpStatusCode.BadRequest, "too long"),
        ["hidden file name"] = Upload(Markdown, ".notes.md", HttpStatusCode.BadRequest, "starts with a dot"),
        ["name with a character file systems refuse"] = Upload(Markdown, "notes?.md", HttpStatusCode.BadRequest, "some file systems do not allow"),
        ["name ending in a dot"] = Upload(Markdown, "notes.md.", HttpStatusCode.BadRequest, "ends with a space or a dot"),
        // Types: the request, the part and the content must agree on what the document is.
        ["unsupported extension"] = Upload("MZ"u8.ToArray(), "tool.exe", HttpStatusCode.UnsupportedMediaType, "files are not accepted"),
        ["no extension"] = Upload(Markdown, "notes", HttpStatusCode.UnsupportedMediaType, "files are not accepted"),
        ["JSON instead of a form"] = new(() => Post(JsonContent.Create(new { file = "# Notes" })), HttpStatusCode.UnsupportedMediaType, "multipart/form-data"),
        ["URL-encoded form"] = new(() => Post(new FormUrlEncodedContent([new("file", "# Notes")])), HttpStatusCode.UnsupportedMediaType, "multipart/form-data"),
        ["body without a content type"] = new(() => Post(new ByteArrayContent(Markdown)), HttpStatusCode.UnsupportedMediaType, "multipart/form-data"),
        ["part declared as an image"] = Upload(Markdown, "notes.md", HttpStatusCode.UnsupportedMediaType, "declared as 'image/png'", partType: "image/png"),
        ["a .pdf that is not a PDF"] = Upload(Markdown, "notes.pdf", HttpStatusCode.UnsupportedMediaType, "not a PDF"),
        ["a .pdf that is a zip archive"] = Upload(Zip(("notes.txt", "hello")), "notes.pdf", HttpStatusCode.UnsupportedMediaType, "looks like a zip archive"),
        ["a .docx that is not a zip"] = Upload(Markdown, "notes.docx", HttpStatusCode.UnsupportedMediaType, "is a zip archive and this is not one"),
        ["a .docx that is a zip of something else"] = Upload(Zip(("notes.txt", "hello")), "notes.docx", HttpStatusCode.UnsupportedMediaType, "no word/document.xml"),
        ["a .docx that is an old binary Word file"] = Upload([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "notes.docx", HttpStatusCode.UnsupportedMediaType, "old binary Word file"),
        ["a .md that is a program"] = Upload([(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], "notes.md", HttpStatusCode.UnsupportedMediaType, "Windows program"),
        ["a .txt that is not UTF-8"] = Upload([0x48, 0x69, 0xC3, 0x28, 0xFF], "notes.txt", HttpStatusCode.UnsupportedMediaType, "not valid UTF-8"),
        // Sizes and shapes of the form.
        ["empty file"] = Upload([], "notes.md", HttpStatusCode.BadRequest, "empty"),
        ["oversized file"] = Upload(new byte[RagServiceFactory.UploadLimit + 1], "big.txt", HttpStatusCode.RequestEntityTooLarge, "at most"),
        ["no field named file"] = Upload(Markdown, "notes.md", HttpStatusCode.BadRequest, "no field 'file'", field: "document"),
        ["two files in one request"] = new(() => Post(Form(("file", "a.md", Markdown, "text/markdown"), ("file", "b.md", Markdown, "text/markdown"))),
            HttpStatusCode.BadRequest, "one file per request"),
        ["replace that is not a boolean"] = new(() => Post(Form(("file", "notes.md", Markdown, "text/markdown")), "?replace=maybe"), HttpStatusCode.BadRequest, "replace must be true or false"),
        // Ids: unknown ones are 404, malformed ones 400.
        ["unknown id"] = Send(HttpMethod.Get, "/api/documents/no-such-document", HttpStatusCode.NotFound, "No document has the id"),
        ["content of an unknown id"] = Send(HttpMethod.Get, "/api/documents/no-such-document/content", HttpStatusCode.NotFound, "No document has the id"),
        ["delete of an unknown id"] = Send(HttpMethod.Delete, "/api/documents/no-such-document", HttpStatusCode.NotFound, "No document has the id"),
        ["cancel of an unknown id"] = Send(HttpMethod.Post, "/api/documents/no-such-document/cancel", HttpStatusCode.NotFound, "No document has the id"),
        ["id with upper case and underscores"] = Send(HttpMethod.Get, "/api/documents/Not_A_Slug", HttpStatusCode.BadRequest, "is not a document id"),
        ["id that is an encoded traversal"] = Send(HttpMethod.Delete, "/api/documents/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.BadRequest, "is not a document id"),
        ["over-long id"] = Send(HttpMethod.Post, $"/api/documents/{new string('a', 500)}/cancel", HttpStatusCode.BadRequest, "is not a document id"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_gets_a_4xx_naming_the_problem_and_leaves_nothing_behind(string name)
    {
        var expected = Cases[name];
        using var client = factory.CreateClient();
        var before = await StateAsync(client);

        using var request = expected.Request();
        using var response = await client.SendAsync(request);

        Assert.Equal(expected.Status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected.Status, problem.GetProperty("status").GetInt32());
        Assert.Contains(expected.Names, problem.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await StateAsync(client));
    }

    /// <summary>Everything a half-done request could leave: files (hidden temp files included), documents and queued work.</summary>
    private async Task<string> StateAsync(HttpClient client)
    {
        IEnumerable<string?> files = Directory.Exists(factory.DocumentsPath)
            ? Directory.GetFiles(factory.DocumentsPath, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            : [];
        var documents = await client.GetFromJsonAsync<List<DocumentInfo>>("/api/documents");
        var ingestion = await client.GetFromJsonAsync<IngestionStatus>("/api/ingestion");
        return $"files: {string.Join(", ", files)}; documents: {string.Join(", ", documents!.Select(d => d.Id))}; " +
               $"pending: {ingestion!.Pending}; failed: {ingestion.Failed}";
    }

    private static Case Upload(byte[] content, string fileName, HttpStatusCode status, string names, string field = "file", string partType = "application/octet-stream") =>
        new(() => Post(Form((field, fileName, content, partType))), status, names);

    private static Case Send(HttpMethod method, string path, HttpStatusCode status, string names) =>
        new(() => new HttpRequestMessage(method, path), status, names);

    private static HttpRequestMessage Post(HttpContent content, string query = "") =>
        new(HttpMethod.Post, "/api/documents" + query) { Content = content };

    /// <summary>A multipart form written by hand: the file name goes out as RFC 5987 UTF-8, so NULs and newlines reach the server as sent.</summary>
    private static MultipartFormDataContent Form(params (string Field, string FileName, byte[] Content, string Type)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, fileName, content, type) in parts)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            part.Headers.TryAddWithoutValidation("Content-Disposition",
                $"form-data; name=\"{field}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
            form.Add(part);
        }
        return form;
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        return stream.ToArray();
    }
}
