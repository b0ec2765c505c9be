using System.Text;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Readers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canopy.Rag.Documents;

public static class DocumentsEndpoints
{
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentCatalog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/documents");
        documents.MapGet("/", ListAsync).WithName("ListDocuments");
        documents.MapGet("/{id}", GetAsync).WithName("GetDocument");
        documents.MapGet("/{id}/content", ContentAsync).WithName("GetDocumentContent");
        documents.MapPost("/", DocumentUpload.UploadAsync).WithName("UploadDocument").DisableAntiforgery();
        documents.MapDelete("/{id}", DeleteAsync).WithName("DeleteDocument");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<DocumentInfo>>> ListAsync(DocumentCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<DocumentInfo>, ProblemHttpResult>> GetAsync(string id, DocumentCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.GetAsync(id, cancellationToken) is { } document ? TypedResults.Ok(document) : NotFound(id);

    /// <summary>The text the index was built from: Markdown as written (front matter removed), PDF and Word as extracted text.</summary>
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> ContentAsync(
        string id, DocumentCatalog catalog, DocumentFolders folders, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } document) return NotFound(id);
        var folder = folders.FolderOf(document.Source);
        if (folder?.FileOf(document.Source) is not { } file || !File.Exists(file))
            return TypedResults.Problem($"The file of document '{id}' is gone.", statusCode: StatusCodes.Status404NotFound, title: "Document file not found");
        try
        {
            var extracted = DocumentFiles.Read(folder, file, await File.ReadAllBytesAsync(file, cancellationToken));
            var markdown = Path.GetExtension(file) is ".md" or ".markdown";
            return TypedResults.Text(extracted.Body, markdown ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8", Encoding.UTF8);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TypedResults.Problem($"The text of document '{id}' could not be extracted: {ex.Message}",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Document unreadable");
        }
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, DocumentCatalog catalog, DocumentProcessor processor, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken) is not { } document) return NotFound(id);
        if (!document.Source.StartsWith(FolderSource.DocumentsPrefix + "/", StringComparison.Ordinal))
            return TypedResults.Problem($"'{id}' belongs to the bundled course corpus, which is part of the release and cannot be deleted here.",
                statusCode: StatusCodes.Status409Conflict, title: "Bundled document");
        await processor.DeleteAsync(document.Id, document.Source, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");
}
