namespace Canopy.AppHost;

/// <summary>
/// Which vector store and LLM the AppHost composes (<c>Canopy:VectorStore</c>, <c>Canopy:Llm</c>).
/// Publishing always declares the cluster shape: Milvus and vLLM.
/// </summary>
public sealed record CanopyModes(string VectorStore, string Llm, bool IsPublish)
{
    public static readonly string[] VectorStores = ["embedded", "milvus"];
    public static readonly string[] Llms = ["extractive", "embedded", "vllm", "endpoint"];

    public bool UsesMilvus => IsPublish || VectorStore == "milvus";
    public bool UsesVllm => IsPublish || Llm == "vllm";

    public static CanopyModes From(IDistributedApplicationBuilder builder)
    {
        var isPublish = builder.ExecutionContext.IsPublishMode;
        var vectorStore = (builder.Configuration["Canopy:VectorStore"] ?? "embedded").ToLowerInvariant();
        var llm = (builder.Configuration["Canopy:Llm"] ?? "embedded").ToLowerInvariant();
        if (!VectorStores.Contains(vectorStore))
            throw new InvalidOperationException($"Canopy:VectorStore is '{vectorStore}'; use one of {string.Join(", ", VectorStores)}.");
        if (!Llms.Contains(llm))
            throw new InvalidOperationException($"Canopy:Llm is '{llm}'; use one of {string.Join(", ", Llms)}.");
        return isPublish ? new CanopyModes("milvus", "vllm", true) : new CanopyModes(vectorStore, llm, false);
    }
}
