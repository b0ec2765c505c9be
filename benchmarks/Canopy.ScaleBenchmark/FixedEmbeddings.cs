using Microsoft.Extensions.AI;

namespace Canopy.ScaleBenchmark;

/// <summary>Answers each benchmark query with its precomputed vector, so that hybrid timings leave the embedding model out.</summary>
internal sealed class FixedEmbeddings(IEnumerable<(string Text, float[] Vector)> queries) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Dictionary<string, float[]> _vectors = queries.GroupBy(q => q.Text).ToDictionary(g => g.Key, g => g.First().Vector);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(_vectors[v]))));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
