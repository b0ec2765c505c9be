using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.Ingestion;

public sealed class IngestionOptions
{
    public const string Section = "Canopy:Rag:Ingestion";

    /// <summary>The bundled course documents; relative paths are under the application directory.</summary>
    [Required]
    public string CorpusPath { get; set; } = "Corpus";

    /// <summary>An extra folder of course documents (Markdown, text); empty means none.</summary>
    public string? DocumentsPath { get; set; }

    /// <summary>Texts embedded per call; larger batches use both cores better but hold more memory.</summary>
    [Range(1, 512)]
    public int EmbeddingBatchSize { get; set; } = 32;
}
