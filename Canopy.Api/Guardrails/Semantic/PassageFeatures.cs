using System.Numerics.Tensors;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// Features of each piece of a passage for the indirect-injection classifier, chosen to say how a piece differs from
/// its passage rather than what the passage is about (a classifier that learns topics only knows the carriers it saw):
/// the piece's framing and address signals, the same signals averaged over the rest of the passage, where it stands,
/// and how far its topic is from the rest (an appended task is usually off-topic).
/// </summary>
public sealed class PassageFeatures(TextEmbedder embedder)
{
    public static readonly string[] ContextNames = ["is_first", "is_last", "position", "pieces", "similarity_to_rest"];

    // Framing only: the hazard signals name topics, and a passage's topic is what this classifier must not learn.
    private static readonly int Signals = TextSignals.FramingCount + AddressSignals.Count;

    public static int Length => Signals * 2 + ContextNames.Length;

    public IReadOnlyList<(Segment Segment, float[] Features)> Of(string passage) => [.. Analyse(passage).Select(p => (p.Segment, p.Features))];

    /// <summary>Each piece with its features here and its own text features (what the harmful-request classifier reads).</summary>
    public IReadOnlyList<PassagePiece> Analyse(string passage)
    {
        var segments = PassageSegments.Split(passage);
        var dims = embedder.Dimensions;
        var pieces = new List<(Segment Segment, float[] Signals, float[] Sum, float Weight, float[] Text)>(segments.Count);
        var total = new float[dims];
        var totalSignals = new float[Signals];
        foreach (var s in segments)
        {
            var text = passage.Substring(s.Start, s.Length);
            var embedded = embedder.Embed(text, out var sum, out var weight);
            var signals = new float[Signals];
            embedded.AsSpan(dims, TextSignals.FramingCount).CopyTo(signals);
            AddressSignals.Write(text, signals.AsSpan(TextSignals.FramingCount));
            TensorPrimitives.Add(total, sum, total);
            TensorPrimitives.Add(totalSignals, signals, totalSignals);
            pieces.Add((s, signals, sum, weight, embedded));
        }
        var rest = new float[dims];
        var result = new List<PassagePiece>(pieces.Count);
        foreach (var (segment, signals, sum, weight, embedded) in pieces)
        {
            var x = new float[Length];
            signals.CopyTo(x, 0);
            var restSignals = x.AsSpan(Signals, Signals);
            if (pieces.Count > 1)
            {
                TensorPrimitives.Subtract(totalSignals, signals, restSignals);
                TensorPrimitives.Divide(restSignals, pieces.Count - 1, restSignals);
            }
            var o = Signals * 2;
            x[o] = segment.IsFirst ? 1 : 0;
            x[o + 1] = segment.IsLast ? 1 : 0;
            x[o + 2] = segment.Count <= 1 ? 0 : segment.Index / (float)(segment.Count - 1);
            x[o + 3] = MathF.Log(1 + segment.Count) / MathF.Log(64);
            TensorPrimitives.Subtract(total, sum, rest);
            x[o + 4] = pieces.Count > 1 && weight > 0 && TensorPrimitives.Norm(rest) > 0 ? TensorPrimitives.CosineSimilarity(sum, rest) : 1;
            result.Add(new PassagePiece(segment, x, embedded));
        }
        return result;
    }
}

/// <summary>A piece of a passage: where it is, its features for the indirect-injection classifier, and its own text features.</summary>
public sealed record PassagePiece(Segment Segment, float[] Features, float[] Text);
