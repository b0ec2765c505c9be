using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Readers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Canopy.Rag.Documents;

/// <summary>
/// <c>POST /api/documents[?replace=true]</c>: one multipart field <c>file</c>. Everything that can be checked before storing is
/// (type, name, size, content matching its type, an existing document of that name); then the file is written to a temp file,
/// flushed to disk, renamed into the documents folder and queued durably before 202 is answered.
/// </summary>
public static class DocumentUpload
{
    // Multipart boundaries and headers around the file.
    private const long EnvelopeBytes = 64 * 1024;

    internal static async Task<Results<Accepted<DocumentInfo>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, DocumentFolders folders, IngestionQueue queue, DocumentCatalog catalog, DocumentProcessor processor,
        IOptions<IngestionOptions> options, ILogger<DocumentCatalog> logger, CancellationToken cancellationToken)
    {
        if (ReadReplace(request) is not { } replace)
            return Invalid("replace", $"replace must be true or false, not '{request.Query["replace"]}'.");
        var limit = options.Value.MaxUploadBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Upload must be multipart/form-data",
                $"Send the document as multipart/form-data in the field 'file', not as '{request.ContentType ?? "no content type"}'.");
        if (request.ContentLength > limit + EnvelopeBytes) return TooLarge(limit);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + EnvelopeBytes;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit + EnvelopeBytes }));

        IFormFileCollection files;
        try
        {
            files = (await request.ReadFormAsync(cancellationToken)).Files;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(limit);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Invalid("file", $"The form could not be read: {ex.Message}");
        }

        var sent = files.GetFiles("file");
        if (sent.Count == 0) return Invalid("file", "The form has no field 'file'.");
        if (sent.Count > 1) return Invalid("file", "Send one file per request.");
        var file = sent[0];
        if (file.Length == 0) return Invalid("file", "The file is empty.");
        if (file.Length > limit) return TooLarge(limit);
        var (name, nameError) = UploadFileName.Validate(file.FileName);
        if (name is null) return Invalid("file", nameError!);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!DocumentReaders.IsSupported(name))
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported document type",
                $"'{(extension.Length > 0 ? extension : name)}' files are not accepted; send one of {string.Join(", ", DocumentReaders.Extensions)}.");
        if (ContentSignature.DeclaredTypeMismatch(extension, file.ContentType) is { } declared)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Declared type does not match the file", declared);

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, cancellationToken);
        if (ContentSignature.ContentMismatch(extension, content) is { } mismatch)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Content does not match its type", mismatch);

        var folder = folders.Documents;
        Directory.CreateDirectory(folder.Path);
        var target = Path.Combine(folder.Path, name);
        var id = folder.IdOf(target);
        var existing = await catalog.GetAsync(id, cancellationToken);
        if (!replace && (existing is not null || File.Exists(target))) return Exists(name, id);

        // The temp name starts with a dot and has no document extension: neither the watcher nor a scan picks it up half-written.
        var temp = Path.Combine(folder.Path, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await DurableFiles.WriteAsync(temp, content, cancellationToken);
            try
            {
                File.Move(temp, target, overwrite: replace);
            }
            catch (IOException) when (!replace && File.Exists(target))
            {
                return Exists(name, id); // another upload of the same name won the race
            }
            // Replacing a document stored under a differently cased name must not leave the old file behind as the same id.
            if (replace && existing is not null && existing.Source != folder.SourceOf(target) && folders.Documents.FileOf(existing.Source) is { } old && File.Exists(old))
                File.Delete(old);
            DurableFiles.SyncDirectory(folder.Path);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }

        await queue.EnqueueAsync(id, folder.SourceOf(target), CancellationToken.None, DocumentFiles.HashOf(content), force: true);
        if (replace) processor.Supersede(id);
        logger.LogInformation("Stored upload {FileName} ({Bytes} bytes) as {DocumentId}{Replaced}", name, content.Length, id, existing is null ? "" : " (replaced)");
        var info = await catalog.GetAsync(id, CancellationToken.None)
            ?? new DocumentInfo(id, DocumentReaders.TitleFromFileName(name), folder.SourceOf(target), null, null, DocumentStatus.Queued, 0, null, 0, DateTimeOffset.UtcNow);
        return TypedResults.Accepted($"/api/documents/{Uri.EscapeDataString(id)}", info);
    }

    /// <summary>Absent means false; anything but true or false is refused rather than guessed.</summary>
    private static bool? ReadReplace(HttpRequest request)
    {
        if (!request.Query.TryGetValue("replace", out var values)) return false;
        return values.Count == 1 && bool.TryParse(values[0], out var replace) ? replace : null;
    }

    private static ProblemHttpResult Exists(string name, string id) =>
        TypedResults.Problem($"A document named '{name}' already exists (id '{id}'). Upload it with ?replace=true to replace it, or rename the file.",
            statusCode: StatusCodes.Status409Conflict, title: "Document already exists",
            extensions: new Dictionary<string, object?> { ["documentId"] = id, ["fileName"] = name });

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"A document may have at most {limit / (1024.0 * 1024):0.#} MB.", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Document too large");
}
