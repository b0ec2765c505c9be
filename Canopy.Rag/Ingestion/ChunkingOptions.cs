using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.Ingestion;

public sealed class ChunkingOptions
{
    public const string Section = "Canopy:Rag:Chunking";

    /// <summary>Upper bound of a chunk in embedding-model tokens, heading prefix included (MiniLM reads 256).</summary>
    [Range(32, 4096)]
    public int MaxTokens { get; set; } = 256;

    /// <summary>Tokens repeated from the end of one chunk at the start of the next within a section.</summary>
    [Range(0, 1024)]
    public int OverlapTokens { get; set; } = 32;
}
