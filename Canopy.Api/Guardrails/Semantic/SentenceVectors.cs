using System.Runtime.CompilerServices;
using Canopy.Embeddings;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// MiniLM's sentence vectors of requests, each computed once per text instance: the harm and the injection
/// classifiers' second stages may both read one request, and the transformer is the check's one costly part.
/// </summary>
public sealed class SentenceVectors(MiniLmEmbeddingGenerator encoder)
{
    private readonly ConditionalWeakTable<string, float[]> _vectors = [];

    public float[] Of(string text) => _vectors.GetValue(text, t => SentenceStage.Encode(encoder, t));
}
