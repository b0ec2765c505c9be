using Microsoft.Extensions.AI;

namespace Canopy.TestUtilities.Rag;

/// <summary>Embeds every text as the same given vector: a search test that fixes the query vector leaves the model out.</summary>
public sealed class OneVectorEmbeddings(float[] vector) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(vector))));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
