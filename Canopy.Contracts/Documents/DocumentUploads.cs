namespace Canopy.Contracts.Documents;

/// <summary>What canopy-rag's <c>POST /api/documents</c> takes, so the UI offers no file that canopy-rag would refuse.</summary>
public static class DocumentUploads
{
    /// <summary>Largest upload canopy-rag accepts unless configured otherwise (<c>Canopy:Rag:Ingestion:MaxUploadBytes</c>).</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The file types canopy-rag has a reader for.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".md", ".markdown", ".txt", ".pdf", ".docx"];
}
