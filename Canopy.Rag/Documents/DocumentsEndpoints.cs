using System.Text;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Documents;

public static class DocumentsEndpoints
{
    // Reading a document's text for the UI gets the ingestion limits but a shorter time than ingestion.
    private static readonly TimeSpan ContentTimeout = TimeSpan.FromSeconds(30);

    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentCatalog>();
        builder.AddUploadLimits();
        return builder;
    }

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/documents").AddEndpointFilter<DocumentIdFilter>();
        documents.MapGet("/", ListAsync).WithName("ListDocuments").RequireAuthorization(CanopyRoles.ReaderPolicy);
        documents.MapGet("/{id}", GetAsync).WithName("GetDocument").RequireAuthorization(CanopyRoles.ReaderPolicy);
        documents.MapGet("/{id}/content", ContentAsync).WithName("GetDocumentContent").RequireAuthorization(CanopyRoles.ReaderPolicy);
        // A bearer token is not sent by the browser on its own, so the upload needs no antiforgery token.
        documents.MapPost("/", DocumentUpload.UploadAsync).WithName("UploadDocument").DisableAntiforgery().RequireAuthorization(CanopyRoles.InstructorPolicy)
            .RequireRateLimiting(UploadLimits.Policy);
        documents.MapPost("/{id}/cancel", CancelAsync).WithName("CancelDocumentIngestion").RequireAuthorization(CanopyRoles.InstructorPolicy);
        documents.MapDelete("/{id}", DeleteAsync).WithName("DeleteDocument").RequireAuthorization(CanopyRoles.InstructorPolicy);
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<DocumentInfo>>> ListAsync(DocumentCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<DocumentInfo>, ProblemHttpResult>> GetAsync(string id, DocumentCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.GetAsync(id, cancellationToken) is { } document ? TypedResults.Ok(document) : NotFound(id);

    /// <summary>The text the index was built from: Markdown as written (front matter removed), PDF and Word as extracted text.</summary>
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> ContentAsync(
        string id, DocumentCatalog catalog, DocumentFolders folders, IOptions<IngestionLimits> limits, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } document) return NotFound(id);
        var folder = folders.FolderOf(document.Source);
        if (folder?.FileOf(document.Source) is not { } file || !File.Exists(file))
            return TypedResults.Problem($"The file of document '{id}' is gone.", statusCode: StatusCodes.Status404NotFound, title: "Document file not found");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ContentTimeout);
        try
        {
            var size = new FileInfo(file).Length;
            if (size > limits.Value.MaxFileBytes) throw DocumentLimitException.FileTooLarge(size, limits.Value.MaxFileBytes);
            var bytes = await File.ReadAllBytesAsync(file, timeout.Token);
            var budget = new ExtractionBudget(limits.Value, timeout.Token);
            var extracted = await Task.Run(() => DocumentFiles.Read(folder, file, bytes, budget), CancellationToken.None).WaitAsync(timeout.Token);
            var markdown = Path.GetExtension(file) is ".md" or ".markdown";
            return TypedResults.Text(extracted.Body, markdown ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8", Encoding.UTF8);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreadable(id, $"extracting it took longer than {ContentTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Unreadable(id, ex.Message);
        }
    }

    /// <summary>Stops a queued or running ingestion; the document ends failed ("cancelled") with nothing indexed.</summary>
    internal static async Task<Results<Ok<DocumentInfo>, ProblemHttpResult>> CancelAsync(
        string id, DocumentCatalog catalog, DocumentProcessor processor, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } document) return NotFound(id);
        if (!await processor.CancelAsync(document.Id, document.Source))
            return TypedResults.Problem($"Document '{id}' is {document.Status}: there is no ingestion to cancel.",
                statusCode: StatusCodes.Status409Conflict, title: "Nothing to cancel");
        return TypedResults.Ok(await catalog.GetAsync(id, CancellationToken.None) ?? document);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, DocumentCatalog catalog, DocumentProcessor processor, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } document) return NotFound(id);
        if (!document.Source.StartsWith(FolderSource.DocumentsPrefix + "/", StringComparison.Ordinal))
            return TypedResults.Problem($"'{id}' belongs to the bundled course corpus, which is part of the release and cannot be deleted here.",
                statusCode: StatusCodes.Status409Conflict, title: "Bundled document");
        await processor.DeleteAsync(document.Id, document.Source);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");

    private static ProblemHttpResult Unreadable(string id, string reason) =>
        TypedResults.Problem($"The text of document '{id}' could not be extracted: {reason}",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "Document unreadable");
}
