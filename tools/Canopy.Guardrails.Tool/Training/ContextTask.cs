using System.Collections.Concurrent;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>One piece of a passage with its features, and whether it is (mostly) the planted instruction.</summary>
public sealed record Piece(Passage Passage, int Index, bool Planted, float[] Features);

/// <summary>
/// Trains the indirect-injection classifier on the pieces of passages, and chooses its threshold on whole passages:
/// every carrier dataset's clean passages are scored by a model trained without that dataset, and the threshold is
/// the lowest that drops at most the target share of them.
/// </summary>
public sealed class ContextTrainer(TrainerSettings settings, double maxCleanDropRate, double floor = 0.5)
{
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
        model.Threshold = ChooseThreshold(pieces);
        return model;
    }

    public double ChooseThreshold(IReadOnlyList<Piece> pieces)
    {
        var carriers = pieces.Select(p => p.Passage.Carrier).Distinct().ToArray();
        var scores = new ConcurrentBag<double>();
        Parallel.ForEach(carriers, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, carrier =>
        {
            var model = Fit([.. pieces.Where(p => p.Passage.Carrier != carrier)]);
            foreach (var score in PassageScores(model, pieces.Where(p => p.Passage.Carrier == carrier && !p.Passage.HasInstruction)).Values)
                scores.Add(score);
        });
        var sorted = scores.OrderByDescending(s => s).ToArray();
        var allowed = (int)Math.Floor(maxCleanDropRate * sorted.Length);
        return Math.Max(floor, allowed >= sorted.Length ? 0 : Math.Min(1, Math.BitIncrement(sorted[allowed])));
    }

    /// <summary>A passage's score: the highest of its pieces (a passage with no piece scores 0).</summary>
    public static Dictionary<string, double> PassageScores(ClassifierModel model, IEnumerable<Piece> pieces) =>
        pieces.GroupBy(p => p.Passage.Id).ToDictionary(g => g.Key, g => g.Max(p => model.Probability(p.Features)));

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
