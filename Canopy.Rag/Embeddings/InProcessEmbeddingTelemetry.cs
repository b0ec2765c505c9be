using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Canopy.Rag.Embeddings;

/// <summary>
/// The embeddings span of the model that runs inside canopy-rag. Written here because the GenAI conventions make an
/// in-process call INTERNAL, while Microsoft.Extensions.AI's OpenTelemetry generator always writes CLIENT.
/// </summary>
public sealed class InProcessEmbeddingTelemetry(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var metadata = InnerGenerator.GetService<EmbeddingGeneratorMetadata>();
        var model = options?.ModelId ?? metadata?.DefaultModelId ?? "unknown";
        using var activity = RagTelemetry.Source.StartActivity($"embeddings {model}", ActivityKind.Internal);
        activity?.SetTag("gen_ai.operation.name", "embeddings");
        activity?.SetTag("gen_ai.provider.name", metadata?.ProviderName);
        activity?.SetTag("gen_ai.request.model", model);
        try
        {
            var embeddings = await base.GenerateAsync(values, options, cancellationToken);
            activity?.SetTag("gen_ai.usage.input_tokens", embeddings.Usage?.InputTokenCount);
            if (embeddings.Count > 0) activity?.SetTag("gen_ai.embeddings.dimension.count", embeddings[0].Vector.Length);
            return embeddings;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
    }
}
