namespace Canopy.Api.Guardrails.Learning;

/// <summary>Deterministic SGD training of <see cref="LogisticModel"/> (fixed seed, fixed epochs, single thread).</summary>
public static class LogisticTrainer
{
    public const int Seed = 20261125;

    public static LogisticModel Train(IReadOnlyList<(string Text, bool Positive)> examples, int buckets = 1 << 17, int epochs = 40,
        double learningRate = 0.5, double l2 = 1e-5, string trainedOn = "")
    {
        var features = examples.Select(e => NgramFeatures.Extract(e.Text, buckets)).ToArray();
        var weights = new float[buckets];
        var bias = 0f;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(Seed);
        var positives = examples.Count(e => e.Positive);
        // Balance the classes so the decision threshold means the same whatever the mix of the training data.
        var positiveWeight = positives == 0 ? 1.0 : (examples.Count - positives) / (double)positives;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = learningRate / (1 + epoch * 0.1);
            foreach (var i in order)
            {
                var (indices, values) = features[i];
                double z = bias;
                for (var k = 0; k < indices.Length; k++) z += weights[indices[k]] * values[k];
                var p = 1.0 / (1.0 + Math.Exp(-z));
                var label = examples[i].Positive ? 1.0 : 0.0;
                var gradient = (p - label) * (examples[i].Positive ? positiveWeight : 1.0);
                for (var k = 0; k < indices.Length; k++)
                {
                    var w = weights[indices[k]];
                    weights[indices[k]] = (float)(w - rate * (gradient * values[k] + l2 * w));
                }
                bias = (float)(bias - rate * gradient);
            }
        }
        return new LogisticModel(buckets, weights, bias, 0.5, trainedOn);
    }

    /// <summary>The lowest threshold whose out-of-fold false-positive rate on the negatives stays within <paramref name="maxFalsePositiveRate"/>.</summary>
    public static double ChooseThreshold(IReadOnlyList<(string Text, bool Positive)> examples, int folds, double maxFalsePositiveRate, int buckets = 1 << 17)
    {
        var scores = new List<(double Score, bool Positive)>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = examples.Where((_, i) => i % folds != fold).ToList();
            var model = Train(train, buckets);
            scores.AddRange(examples.Where((_, i) => i % folds == fold).Select(e => (model.Probability(e.Text), e.Positive)));
        }
        var negatives = scores.Where(s => !s.Positive).Select(s => s.Score).OrderDescending().ToArray();
        var allowed = (int)Math.Floor(negatives.Length * maxFalsePositiveRate);
        var threshold = allowed < negatives.Length ? negatives[allowed] + 1e-6 : 0.5;
        return Math.Clamp(threshold, 0.05, 0.95);
    }
}
