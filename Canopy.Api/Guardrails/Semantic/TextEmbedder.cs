using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A text as one feature vector: the weighted mean of its token vectors, then the cheap <see cref="TextSignals"/>.
/// Text is folded first (compatibility forms, homoglyphs, invisible characters).
/// </summary>
public sealed class TextEmbedder(MiniLmTokens tokens, TokenVectors vectors)
{
    public MiniLmTokens Tokens => tokens;

    public const float PriorWeight = 2f;

    public int Dimensions => vectors.Dimensions;

    public int Length => vectors.Dimensions + TextSignals.Count;

    private readonly ConditionalWeakTable<string, float[]> _requests = [];

    public float[] Embed(string text) => Embed(text, out _, out _);

    /// <summary>
    /// A request's features, computed once per text instance: the harm and the injection classifiers both read every
    /// request, and the features are most of what their first stages cost. The array is shared: read it, never write it.
    /// </summary>
    public float[] EmbedRequest(string text) => _requests.GetValue(text, Embed);

    /// <summary>The features, and the weighted sum of token vectors with its total weight (for comparing pieces of a passage).</summary>
    public float[] Embed(string text, out float[] sum, out float weight)
    {
        var folded = TextNormalizer.Fold(text);
        var ids = tokens.Encode(folded);
        var dims = vectors.Dimensions;
        var features = new float[Length];
        sum = new float[dims];
        weight = vectors.Accumulate(ids, sum);
        // The mean is taken as if one more token sat at the vocabulary's centre: a message of one or two words is one
        // word's vector, far from where requests lie, and would score at an extreme.
        if (weight > 0) TensorPrimitives.Divide(sum, weight + PriorWeight, features.AsSpan(0, dims));
        TextSignals.Write(text, folded, ids, tokens, features.AsSpan(dims, TextSignals.Count));
        return features;
    }
}
