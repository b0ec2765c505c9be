using System.Collections.Concurrent;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>One piece of a passage with its features, and whether it is (mostly) the planted instruction.</summary>
public sealed record Piece(Passage Passage, int Index, bool Planted, float[] Features);

/// <summary>
/// Trains the indirect-injection classifier on the pieces of passages, and chooses its threshold on whole passages:
/// every carrier dataset's clean passages are scored by a model trained without that dataset, and the threshold is
/// the lowest that drops at most the target share of them. With <paramref name="similarity"/> (a passage's piece's
/// <see cref="TopicContrast.Similarity"/>), the second stage's cut is chosen on the same scores: the highest that drops
/// at most <paramref name="maxTopicDropRate"/> of the clean passages more.
/// </summary>
public sealed class ContextTrainer(TrainerSettings settings, double maxCleanDropRate, double floor = 0.5,
    Func<Passage, int, double>? similarity = null, double maxTopicDropRate = 0)
{
    /// <summary>The second stage's similarity of a passage's piece, each computed once (every fold reads the same carriers).</summary>
    public static Func<Passage, int, double> Similarities(TopicContrast topics)
    {
        var cache = new ConcurrentDictionary<(string, int), double>();
        return (passage, piece) => cache.GetOrAdd((passage.Text, piece), key => topics.Similarity(key.Item1, PassageSegments.Split(key.Item1)[key.Item2]));
    }

    public static List<Piece> Pieces(IEnumerable<Passage> passages, PassageFeatures features)
    {
        var bag = new ConcurrentBag<Piece>();
        Parallel.ForEach(passages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, passage =>
        {
            foreach (var (segment, x) in features.Of(passage.Text))
            {
                var overlap = Overlap(segment, passage);
                // A piece half inside the instruction is neither clearly planted nor clearly clean.
                if (overlap is > 0.1 and < 0.5) continue;
                bag.Add(new Piece(passage, segment.Index, overlap >= 0.5, x));
            }
        });
        return [.. bag.OrderBy(p => p.Passage.Id, StringComparer.Ordinal).ThenBy(p => p.Index)];
    }

    public static double Overlap(Segment segment, Passage passage)
    {
        if (!passage.HasInstruction) return 0;
        var start = Math.Max(segment.Start, passage.InstructionStart);
        var end = Math.Min(segment.Start + segment.Length, passage.InstructionStart + passage.InstructionLength);
        return end <= start ? 0 : (end - start) / (double)segment.Length;
    }

    public ClassifierModel Fit(IReadOnlyList<Piece> pieces) =>
        ClassifierTrainer.Train([.. pieces.Select(p => p.Features)], [.. pieces.Select(p => p.Planted)], Weights(pieces), settings);

    public ClassifierModel Train(IReadOnlyList<Piece> pieces)
    {
        var model = Fit(pieces);
        (model.Threshold, model.TopicSimilarity) = ChooseThresholds(pieces);
        return model;
    }

    /// <summary>The threshold, and the second stage's cut (null without a similarity).</summary>
    public (double Threshold, double? TopicSimilarity) ChooseThresholds(IReadOnlyList<Piece> pieces)
    {
        var carriers = pieces.Select(p => p.Passage.Carrier).Distinct().ToArray();
        var scores = new ConcurrentBag<(Passage Passage, double Score, int Piece)>();
        Parallel.ForEach(carriers, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, carrier =>
        {
            var model = Fit([.. pieces.Where(p => p.Passage.Carrier != carrier)]);
            foreach (var best in BestPieces(model, pieces.Where(p => p.Passage.Carrier == carrier && !p.Passage.HasInstruction)))
                scores.Add(best);
        });
        var sorted = scores.Select(s => s.Score).OrderByDescending(s => s).ToArray();
        var allowed = (int)Math.Floor(maxCleanDropRate * sorted.Length);
        var threshold = Math.Max(floor, allowed >= sorted.Length ? 0 : Math.Min(1, Math.BitIncrement(sorted[allowed])));
        if (similarity is null) return (threshold, null);
        var near = scores.Where(s => s.Score >= TopicContrast.Gate && s.Score < threshold).ToArray();
        var similarities = new double[near.Length];
        Parallel.For(0, near.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => similarities[i] = similarity(near[i].Passage, near[i].Piece));
        Array.Sort(similarities);
        var more = (int)Math.Floor(maxTopicDropRate * sorted.Length);
        return (threshold, more < similarities.Length ? similarities[more] : 1);
    }

    /// <summary>Each passage's highest-scoring piece (by its index in the passage) and its score.</summary>
    public static IEnumerable<(Passage Passage, double Score, int Piece)> BestPieces(ClassifierModel model, IEnumerable<Piece> pieces) =>
        pieces.GroupBy(p => p.Passage.Id).Select(g => g.Select(p => (p.Passage, Score: model.Probability(p.Features), Piece: p.Index)).MaxBy(x => x.Score));

    /// <summary>Planted and clean pieces count the same in all; within each, a dataset weighs the square root of its size.</summary>
    public static float[] Weights(IReadOnlyList<Piece> pieces)
    {
        var counts = pieces.GroupBy(p => (p.Passage.Group, p.Planted)).ToDictionary(g => g.Key, g => g.Count());
        var mass = new Dictionary<bool, double> { [true] = 0, [false] = 0 };
        foreach (var ((_, planted), count) in counts) mass[planted] += Math.Sqrt(count);
        return [.. pieces.Select(p =>
        {
            var count = counts[(p.Passage.Group, p.Planted)];
            return (float)(Math.Sqrt(count) / count / mass[p.Planted] * pieces.Count / 2);
        })];
    }
}
