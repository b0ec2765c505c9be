namespace Canopy.Contracts;

/// <summary>Who writes the answers (DESIGN.md, modes).</summary>
public enum LlmMode
{
    /// <summary>A small model fetched and run inside canopy-be; extractive answers until it is ready.</summary>
    Embedded,
    /// <summary>No generative model: answers are labelled extracts of the passages.</summary>
    Extractive,
    /// <summary>A vLLM server that the AppHost runs (a GPU is needed).</summary>
    Vllm,
    /// <summary>Any OpenAI-compatible endpoint, from the <c>llm</c> connection string.</summary>
    Endpoint,
}

/// <summary>Where canopy-rag keeps its index.</summary>
public enum VectorStoreMode
{
    /// <summary>A SQLite file owned by canopy-rag.</summary>
    Embedded,
    Milvus,
}

/// <summary>
/// The modes of a deployment (<c>Canopy:Llm</c>, <c>Canopy:VectorStore</c>), bound the same way by the AppHost and the
/// services, with one default each: what <c>dotnet run --project Canopy.AppHost</c> runs.
/// </summary>
public sealed class ModeOptions
{
    public const string Section = "Canopy";

    public LlmMode Llm { get; set; } = LlmMode.Embedded;

    public VectorStoreMode VectorStore { get; set; } = VectorStoreMode.Embedded;

    /// <summary>Said when a mode is not one of these.</summary>
    public static string Choices =>
        $"Canopy:Llm is one of {string.Join(", ", Enum.GetValues<LlmMode>().Select(Name))}; Canopy:VectorStore is one of {string.Join(", ", Enum.GetValues<VectorStoreMode>().Select(Name))}.";

    /// <summary>How a mode is written in configuration, environment variables and provider names.</summary>
    public static string Name<TMode>(TMode mode) where TMode : struct, Enum => mode.ToString().ToLowerInvariant();
}
