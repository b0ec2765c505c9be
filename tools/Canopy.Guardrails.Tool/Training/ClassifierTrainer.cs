using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>Settings of one training run; the defaults are what the shipped models use.</summary>
public sealed record TrainerSettings(int Hidden = 32, int Epochs = 30, int BatchSize = 64, float LearningRate = 0.003f, float WeightDecay = 0.01f, int Seed = 20261201);

/// <summary>
/// Trains a <see cref="ClassifierModel"/> (one hidden ReLU layer, or logistic regression when Hidden is 0) on
/// standardised features and weighted rows, by mini-batch Adam with weight decay. Deterministic for a seed.
/// </summary>
public static class ClassifierTrainer
{
    public static ClassifierModel Train(IReadOnlyList<float[]> x, IReadOnlyList<bool> y, IReadOnlyList<float> weight, TrainerSettings settings)
    {
        var n = x.Count;
        var d = x[0].Length;
        var hidden = settings.Hidden;
        var (means, scales) = Standardisation(x);
        var rows = new float[n][];
        for (var i = 0; i < n; i++)
        {
            var r = new float[d];
            TensorPrimitives.Subtract(x[i], means, r);
            TensorPrimitives.Multiply(r, scales, r);
            rows[i] = r;
        }
        var random = new Random(settings.Seed);
        var outputs = hidden == 0 ? d : hidden;
        float[] w1 = new float[hidden * d], b1 = new float[hidden], w2 = new float[outputs];
        for (var i = 0; i < w1.Length; i++) w1[i] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (d + hidden)));
        if (hidden > 0) for (var i = 0; i < w2.Length; i++) w2[i] = (float)((random.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / (hidden + 1)));
        var b2 = new float[1];
        float[][] parameters = [w1, b1, w2, b2];
        var adam = new Adam(parameters, settings);
        var gradients = parameters.Select(p => new float[p.Length]).ToArray();
        var activation = new float[hidden];
        var scale = n / weight.Sum();
        var order = Enumerable.Range(0, n).ToArray();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < n; start += settings.BatchSize)
            {
                foreach (var g in gradients) Array.Clear(g);
                var end = Math.Min(n, start + settings.BatchSize);
                for (var t = start; t < end; t++)
                {
                    var i = order[t];
                    var xi = rows[i];
                    double z = b2[0];
                    if (hidden == 0) z += TensorPrimitives.Dot(w2, xi);
                    for (var u = 0; u < hidden; u++)
                    {
                        activation[u] = b1[u] + TensorPrimitives.Dot(w1.AsSpan(u * d, d), xi);
                        if (activation[u] > 0) z += activation[u] * w2[u];
                    }
                    var error = (float)(1 / (1 + Math.Exp(-z)) - (y[i] ? 1 : 0)) * weight[i] * scale;
                    gradients[3][0] += error;
                    if (hidden == 0) TensorPrimitives.MultiplyAdd(xi, error, gradients[2], gradients[2]);
                    for (var u = 0; u < hidden; u++)
                    {
                        if (activation[u] <= 0) continue;
                        gradients[2][u] += error * activation[u];
                        gradients[1][u] += error * w2[u];
                        TensorPrimitives.MultiplyAdd(xi, error * w2[u], gradients[0].AsSpan(u * d, d), gradients[0].AsSpan(u * d, d));
                    }
                }
                adam.Step(gradients, end - start, decayed: [true, false, true, false]);
            }
        }
        return new ClassifierModel
        {
            Means = means, Scales = scales, HiddenWeights = w1, HiddenBiases = b1, OutputWeights = w2, OutputBias = b2[0],
        };
    }

    private static (float[] Means, float[] Scales) Standardisation(IReadOnlyList<float[]> x)
    {
        var d = x[0].Length;
        var means = new float[d];
        var scales = new float[d];
        foreach (var r in x) TensorPrimitives.Add(means, r, means);
        TensorPrimitives.Divide(means, x.Count, means);
        foreach (var r in x)
            for (var j = 0; j < d; j++) scales[j] += (r[j] - means[j]) * (r[j] - means[j]);
        for (var j = 0; j < d; j++)
        {
            var sd = MathF.Sqrt(scales[j] / x.Count);
            scales[j] = sd > 1e-6f ? 1f / sd : 0f;
        }
        return (means, scales);
    }

    private sealed class Adam(float[][] parameters, TrainerSettings settings)
    {
        private readonly float[][] _m = [.. parameters.Select(p => new float[p.Length])];
        private readonly float[][] _v = [.. parameters.Select(p => new float[p.Length])];
        private int _step;

        public void Step(float[][] gradients, int batch, bool[] decayed)
        {
            _step++;
            var rate = settings.LearningRate * MathF.Sqrt(1 - MathF.Pow(0.999f, _step)) / (1 - MathF.Pow(0.9f, _step));
            for (var k = 0; k < parameters.Length; k++)
            {
                var (decays, decay) = (decayed[k], settings.WeightDecay);
                var (p, m, v, gradient) = (parameters[k], _m[k], _v[k], gradients[k]);
                var j = 0;
                // Element by element, the same single-precision operations as the loop after it, so the weights are the same bit for bit.
                for (; j <= p.Length - Vector256<float>.Count; j += Vector256<float>.Count)
                {
                    var pj = Vector256.Create(p.AsSpan(j));
                    var g = Vector256.Create(gradient.AsSpan(j)) / batch + (decays ? decay * pj : Vector256<float>.Zero);
                    var mj = 0.9f * Vector256.Create(m.AsSpan(j)) + 0.1f * g;
                    var vj = 0.999f * Vector256.Create(v.AsSpan(j)) + 0.001f * g * g;
                    mj.CopyTo(m.AsSpan(j));
                    vj.CopyTo(v.AsSpan(j));
                    (pj - rate * mj / (Vector256.Sqrt(vj) + Vector256.Create(1e-8f))).CopyTo(p.AsSpan(j));
                }
                for (; j < p.Length; j++)
                {
                    var g = gradient[j] / batch + (decays ? decay * p[j] : 0);
                    m[j] = 0.9f * m[j] + 0.1f * g;
                    v[j] = 0.999f * v[j] + 0.001f * g * g;
                    p[j] -= rate * m[j] / (MathF.Sqrt(v[j]) + 1e-8f);
                }
            }
        }
    }
}
