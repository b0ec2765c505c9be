using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Canopy.Contracts.Documents;

namespace Canopy.Web.Documents;

/// <summary>What an upload came to; <see cref="Exists"/>: a document of that name is there already and nothing was replaced.</summary>
public sealed record UploadResult(bool Ok, string? Error, string? DocumentId, bool Exists = false);

/// <summary>canopy-rag's document API. A 404 on the list means the API is not there (yet): <see cref="DocumentsUnavailableException"/>.</summary>
public sealed class DocumentsClient(HttpClient http)
{
    public async Task<IReadOnlyList<DocumentInfo>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => http.GetAsync("/api/documents", cancellationToken));
        return await response.Content.ReadFromJsonAsync<DocumentInfo[]>(cancellationToken) ?? [];
    }

    /// <summary>The document's text, or null when there is no such document.</summary>
    public async Task<string?> GetContentAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/api/documents/{Uri.EscapeDataString(id)}/content", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Uploads a file; a document of the same name is replaced only when <paramref name="replace"/> says so (otherwise 409, <see cref="UploadResult.Exists"/>).</summary>
    public async Task<UploadResult> UploadAsync(string fileName, Stream content, string? contentType, CancellationToken cancellationToken, bool replace = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var response = await http.PostAsync(replace ? "/api/documents?replace=true" : "/api/documents", form, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) throw new DocumentsUnavailableException();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict) return new UploadResult(false, ProblemText(body, 409), ReadId(body, "documentId"), Exists: true);
        if (!response.IsSuccessStatusCode) return new UploadResult(false, ProblemText(body, (int)response.StatusCode), null);
        return new UploadResult(true, null, ReadId(body, "id"));
    }

    /// <summary>Null when deleted, else why not (e.g. 409: a bundled course document cannot be deleted).</summary>
    public async Task<string?> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"/api/documents/{Uri.EscapeDataString(id)}", cancellationToken);
        return response.IsSuccessStatusCode ? null : ProblemText(await response.Content.ReadAsStringAsync(cancellationToken), (int)response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            throw new DocumentsUnavailableException();
        }
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>The readable part of a problem details body: its field errors, detail or title.</summary>
    internal static string ProblemText(string body, int status)
    {
        // Whatever the service's wording, the user needs to know what to do about a refused token or a missing role.
        if (status == 401) return Identity.SessionExpiry.Message;
        if (status == 403) return "Only instructors and administrators can change the document library.";
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                return string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(v => v.GetString())));
            if (root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } d) return d;
            if (root.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 } t) return t;
        }
        catch (JsonException)
        {
        }
        return status switch
        {
            409 => "A document of that name exists already.",
            413 => "The file is too large.",
            415 => "This kind of file is not supported. Use Markdown, text, PDF or Word (.docx).",
            _ => $"The request failed ({status}).",
        };
    }

    private static string? ReadId(string body, string property)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(property, out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class DocumentsUnavailableException() : Exception("canopy-rag has no document API.");
