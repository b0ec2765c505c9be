using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.VectorStore;

public sealed class VectorStoreOptions
{
    public const string Section = "Canopy";

    /// <summary><c>embedded</c> (SQLite file owned by canopy-rag) or <c>milvus</c>.</summary>
    [Required, RegularExpression("^(embedded|milvus)$", ErrorMessage = "Canopy:VectorStore must be 'embedded' or 'milvus'.")]
    public string VectorStore { get; set; } = "embedded";
}

public sealed class EmbeddedIndexOptions
{
    public const string Section = "Canopy:Rag";

    /// <summary>Directory of the SQLite index; relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = ".canopy-data";

    public string IndexFileName { get; set; } = "index.db";
}
