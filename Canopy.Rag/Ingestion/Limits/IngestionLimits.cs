using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.Ingestion.Limits;

/// <summary>What one document may cost to ingest; a document over any limit ends <c>failed</c> with the limit named.</summary>
public sealed class IngestionLimits
{
    public const string Section = "Canopy:Rag:Ingestion:Limits";

    private const double MiB = 1024 * 1024;

    /// <summary>Largest file ingestion reads (PDFs included); uploads are limited further by <c>MaxUploadBytes</c>.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Pages of a PDF; checked from the page tree before any page is read.</summary>
    [Range(1, 100_000)]
    public int MaxPdfPages { get; set; } = 500;

    /// <summary>Entries of an Office (OpenXML zip) file.</summary>
    [Range(1, 1_000_000)]
    public int MaxArchiveEntries { get; set; } = 1_000;

    /// <summary>Bytes an Office file may decompress to, all entries together, measured while decompressing (headers can lie).</summary>
    [Range(MiB, long.MaxValue)]
    public long MaxDecompressedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Decompressed to compressed size of one entry over 1 MiB; Word XML compresses about 10:1, a zip bomb 1000:1.</summary>
    [Range(2, 100_000)]
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Characters of text extracted from one document (about 4 MB, a 1,500-page book).</summary>
    [Range(1_000, int.MaxValue)]
    public int MaxExtractedCharacters { get; set; } = 4_000_000;

    /// <summary>Wall-clock time to read, chunk and embed one document.</summary>
    [Range(1, 86_400)]
    public int DocumentTimeoutSeconds { get; set; } = 300;

    /// <summary>Growth of the managed heap while one document is ingested.</summary>
    [Range(16 * MiB, long.MaxValue)]
    public long MaxDocumentMemoryBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Tries of one version of a document, counted durably before each try, so a file that crashes the service is given up.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;
}
