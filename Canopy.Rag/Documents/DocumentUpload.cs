using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Readers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Documents;

/// <summary><c>POST /api/documents</c>: a multipart field <c>file</c> is stored in the documents folder (temp file, then move) and queued.</summary>
public static class DocumentUpload
{
    // Multipart boundaries and headers around the file.
    private const long EnvelopeBytes = 64 * 1024;

    internal static async Task<Results<Accepted<DocumentInfo>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, DocumentFolders folders, IngestionQueue queue, DocumentCatalog catalog,
        IOptions<IngestionOptions> options, ILogger<DocumentCatalog> logger, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        if (request.ContentLength > limit + EnvelopeBytes) return TooLarge(limit);
        if (!request.HasFormContentType) return Missing("Send the document as multipart/form-data in the field 'file'.");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + EnvelopeBytes;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit + EnvelopeBytes }));

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file");
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
            return Missing($"The form could not be read: {ex.Message}");
        }

        if (file is null) return Missing("The form has no field 'file'.");
        if (file.Length == 0) return Missing("The file is empty.");
        if (file.Length > limit) return TooLarge(limit);
        var name = SafeFileName(file.FileName);
        if (!DocumentReaders.IsSupported(name))
            return TypedResults.Problem($"'{Path.GetExtension(name)}' files are not accepted; send one of {string.Join(", ", DocumentReaders.Extensions)}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported document type");

        var folder = folders.Documents;
        Directory.CreateDirectory(folder.Path);
        var target = Path.Combine(folder.Path, name);
        // The temp name starts with a dot and has no document extension: neither the watcher nor a scan picks it up half-written.
        var temp = Path.Combine(folder.Path, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.CopyToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }

        var id = folder.IdOf(target);
        await queue.EnqueueAsync(id, folder.SourceOf(target), cancellationToken);
        logger.LogInformation("Stored upload {FileName} ({Bytes} bytes) as {DocumentId}", name, file.Length, id);
        var info = await catalog.GetAsync(id, cancellationToken)
            ?? new DocumentInfo(id, DocumentReaders.TitleFromFileName(name), folder.SourceOf(target), null, null, DocumentStatus.Queued, 0, null, 0, DateTimeOffset.UtcNow);
        return TypedResults.Accepted($"/api/documents/{Uri.EscapeDataString(id)}", info);
    }

    /// <summary>The file name without directories or characters that mean something to a shell or a file system.</summary>
    internal static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var extension = new string([.. Path.GetExtension(name).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        var stem = new string([.. Path.GetFileNameWithoutExtension(name).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' ? c : '_')])
            .Trim().TrimStart('.');
        if (stem.Length == 0) stem = "document";
        extension = extension.Length == 0 ? "" : "." + extension;
        return (stem.Length > 120 ? stem[..120] : stem) + extension;
    }

    private static ValidationProblem Missing(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"A document may have at most {limit / (1024.0 * 1024):0.#} MB.", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Document too large");
}
