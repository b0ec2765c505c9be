using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// Logistic regression over <see cref="SparseVector"/> features by mini-batch Adam with L2 decay, deterministic for a seed;
/// stored as a <see cref="ClassifierModel"/> with no hidden layer and no standardisation. Written here because the dense
/// trainer standardises each feature, which would blow rare n-grams up to the weight of common ones.
/// </summary>
public static class SparseTrainer
{
    public static ClassifierModel Train(IReadOnlyList<SparseVector> x, IReadOnlyList<bool> y, IReadOnlyList<float> weight, int dimensions,
        int epochs = 40, int batchSize = 32, float learningRate = 0.01f, float decay = 1e-4f, int seed = 20261207)
    {
        var w = new float[dimensions];
        var bias = 0f;
        var (m, v) = (new float[dimensions], new float[dimensions]);
        var (mb, vb) = (0f, 0f);
        var gradient = new float[dimensions];
        var touched = new HashSet<int>();
        var scale = x.Count / weight.Sum();
        var order = Enumerable.Range(0, x.Count).ToArray();
        var random = new Random(seed);
        var step = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += batchSize)
            {
                var end = Math.Min(order.Length, start + batchSize);
                float gb = 0;
                foreach (var i in order.AsSpan(start, end - start))
                {
                    var z = bias + x[i].Dot(w);
                    var error = (float)(1 / (1 + Math.Exp(-z)) - (y[i] ? 1 : 0)) * weight[i] * scale;
                    gb += error;
                    for (var k = 0; k < x[i].Indices.Length; k++)
                    {
                        gradient[x[i].Indices[k]] += error * x[i].Values[k];
                        touched.Add(x[i].Indices[k]);
                    }
                }
                step++;
                var rate = learningRate * MathF.Sqrt(1 - MathF.Pow(0.999f, step)) / (1 - MathF.Pow(0.9f, step));
                var batch = end - start;
                // Decay reaches every weight each step; the moments of the untouched ones only decay too.
                for (var j = 0; j < dimensions; j++)
                {
                    var g = gradient[j] / batch + decay * w[j];
                    if (g == 0 && m[j] == 0) continue;
                    m[j] = 0.9f * m[j] + 0.1f * g;
                    v[j] = 0.999f * v[j] + 0.001f * g * g;
                    w[j] -= rate * m[j] / (MathF.Sqrt(v[j]) + 1e-8f);
                }
                foreach (var j in touched) gradient[j] = 0;
                touched.Clear();
                gb /= batch;
                mb = 0.9f * mb + 0.1f * gb;
                vb = 0.999f * vb + 0.001f * gb * gb;
                bias -= rate * mb / (MathF.Sqrt(vb) + 1e-8f);
            }
        }
        return new ClassifierModel
        {
            Means = new float[dimensions], Scales = Enumerable.Repeat(1f, dimensions).ToArray(), HiddenWeights = [], HiddenBiases = [],
            OutputWeights = w, OutputBias = bias,
        };
    }
}
