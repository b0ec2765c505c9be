using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>Settings of the Milvus index (section <c>Canopy:Milvus</c>); the address comes from a connection string.</summary>
public sealed class MilvusOptions
{
    public const string Section = "Canopy:Milvus";

    /// <summary>Collection of chunks; the document records live in <c>&lt;name&gt;_documents</c>.</summary>
    [Required, RegularExpression("^[A-Za-z_][A-Za-z0-9_]{0,244}$",
        ErrorMessage = "Canopy:Milvus:CollectionName must start with a letter or '_' and hold only letters, digits and '_' (at most 245).")]
    public string CollectionName { get; set; } = "canopy_chunks";

    /// <summary>Dimensions of the embedding vectors (all-MiniLM-L6-v2 gives 384).</summary>
    [Range(2, 32768)]
    public int Dimensions { get; set; } = 384;

    /// <summary>Name of the connection string (<c>ConnectionStrings:&lt;name&gt;</c>).</summary>
    [Required]
    public string ConnectionName { get; set; } = "milvus";

    /// <summary>Upper bound of one REST call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long start-up waits for Milvus to load the collections into memory.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public string DocumentsCollectionName => CollectionName + "_documents";
}
