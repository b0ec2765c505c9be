using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.Ingestion;

public sealed class IngestionOptions
{
    public const string Section = "Canopy:Rag:Ingestion";

    /// <summary>The bundled course documents; relative paths are under the application directory.</summary>
    [Required]
    public string CorpusPath { get; set; } = "Corpus";

    /// <summary>The watched folder of further documents (uploads land here); empty means "documents" under the data directory.</summary>
    public string? DocumentsPath { get; set; }

    /// <summary>Texts embedded per call; larger batches use both cores better but hold more memory.</summary>
    [Range(1, 512)]
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>Largest accepted upload in bytes (20 MB).</summary>
    [Range(1, 1L << 31)]
    public long MaxUploadBytes { get; set; } = DocumentUploads.DefaultMaxBytes;

    /// <summary>Quiet time after the last change of a file before it is queued, so half-written files are not read.</summary>
    [Range(0, 60_000)]
    public int DebounceMilliseconds { get; set; } = 500;

    /// <summary>Interval of the full rescan that catches what the file watcher missed.</summary>
    [Range(1, 86_400)]
    public int RescanSeconds { get; set; } = 60;
}
