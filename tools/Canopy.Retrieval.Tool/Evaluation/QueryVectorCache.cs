using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Canopy.Retrieval.Tool.Evaluation;

/// <summary>Embeds texts once in large batches so that search timings measure retrieval, not the model.</summary>
public sealed class QueryVectorCache(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly ConcurrentDictionary<string, Embedding<float>> _cache = new(StringComparer.Ordinal);

    public async Task PrimeAsync(IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var missing = texts.Distinct(StringComparer.Ordinal).Where(t => !_cache.ContainsKey(t)).ToList();
        if (missing.Count == 0) return;
        var generated = await base.GenerateAsync(missing, null, cancellationToken);
        for (var i = 0; i < missing.Count; i++) _cache[missing[i]] = generated[i];
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        await PrimeAsync(list, cancellationToken);
        return new GeneratedEmbeddings<Embedding<float>>(list.Select(t => _cache[t]));
    }

    // The inner generator belongs to whoever created this cache.
    protected override void Dispose(bool disposing)
    {
    }
}
