using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.Embeddings;

public sealed class EmbeddingOptions
{
    public const string Section = "Canopy:Rag:Embeddings";
    public const string ConnectionStringName = "embeddings";

    /// <summary><c>minilm</c> (in-process all-MiniLM-L6-v2) or <c>openai</c> (any OpenAI-compatible <c>/v1/embeddings</c>, e.g. vLLM).</summary>
    [Required, RegularExpression("^(minilm|openai)$", ErrorMessage = "Canopy:Rag:Embeddings:Provider must be 'minilm' or 'openai'.")]
    public string Provider { get; set; } = "minilm";

    /// <summary>Texts sent per request to a remote server.</summary>
    [Range(1, 2048)]
    public int BatchSize { get; set; } = 64;
}
