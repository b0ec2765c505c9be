using Canopy.Contracts;
using Microsoft.Extensions.Configuration;

namespace Canopy.AppHost;

/// <summary>
/// Which vector store and LLM the AppHost composes (<c>Canopy:VectorStore</c>, <c>Canopy:Llm</c>), bound as the services
/// bind them. Publishing always declares the cluster shape: Milvus and vLLM.
/// </summary>
public sealed record CanopyModes(VectorStoreMode VectorStore, LlmMode Llm, bool IsPublish)
{
    public bool UsesMilvus => IsPublish || VectorStore == VectorStoreMode.Milvus;
    public bool UsesVllm => IsPublish || Llm == LlmMode.Vllm;

    public static CanopyModes From(IDistributedApplicationBuilder builder)
    {
        ModeOptions modes;
        try
        {
            modes = builder.Configuration.GetSection(ModeOptions.Section).Get<ModeOptions>() ?? new ModeOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message} {ModeOptions.Choices}", ex);
        }
        return builder.ExecutionContext.IsPublishMode
            ? new CanopyModes(VectorStoreMode.Milvus, LlmMode.Vllm, true)
            : new CanopyModes(modes.VectorStore, modes.Llm, false);
    }
}
