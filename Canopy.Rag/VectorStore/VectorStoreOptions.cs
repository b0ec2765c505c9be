using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.VectorStore;

public sealed class EmbeddedIndexOptions
{
    public const string Section = "Canopy:Rag";

    /// <summary>Directory of the SQLite index; relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = ".canopy-data";

    public string IndexFileName { get; set; } = "index.db";
}
