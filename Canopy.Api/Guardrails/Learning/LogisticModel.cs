using System.Runtime.InteropServices;
using System.Text.Json;

namespace Canopy.Api.Guardrails.Learning;

/// <summary>A logistic-regression text classifier over hashed n-grams, stored as JSON with base64 float32 weights.</summary>
public sealed class LogisticModel(int buckets, float[] weights, float bias, double threshold, string trainedOn)
{
    public int Buckets { get; } = buckets;
    public float[] Weights { get; } = weights;
    public float Bias { get; set; } = bias;

    /// <summary>Probability threshold chosen at training time by cross-validation on the training split.</summary>
    public double Threshold { get; set; } = threshold;

    public string TrainedOn { get; } = trainedOn;

    public double Probability(string text) => Probability(NgramFeatures.Extract(text, Buckets));

    public double Probability((int[] Indices, float[] Values) features)
    {
        double z = Bias;
        for (var i = 0; i < features.Indices.Length; i++) z += Weights[features.Indices[i]] * features.Values[i];
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    public void Save(string path)
    {
        var file = new ModelFile(1, Buckets, Bias, Threshold, TrainedOn, Convert.ToBase64String(MemoryMarshal.AsBytes(Weights.AsSpan())));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(file, JsonOptions));
    }

    public static LogisticModel Load(string path)
    {
        var file = JsonSerializer.Deserialize<ModelFile>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} holds no model.");
        var weights = MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(file.Weights)).ToArray();
        if (file.Version != 1 || weights.Length != file.Buckets)
            throw new InvalidDataException($"{path}: unsupported model version {file.Version} or {weights.Length} weights for {file.Buckets} buckets.");
        return new LogisticModel(file.Buckets, weights, file.Bias, file.Threshold, file.TrainedOn);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record ModelFile(int Version, int Buckets, float Bias, double Threshold, string TrainedOn, string Weights);
}
