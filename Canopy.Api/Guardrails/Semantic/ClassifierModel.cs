using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A small binary classifier over <see cref="TextEmbedder"/> features: standardisation, one hidden ReLU layer (or
/// none: logistic regression), a sigmoid output, and the block threshold chosen at training time, with the provenance
/// of its training data. Stored as one JSON file with the weights in base64.
/// </summary>
public sealed class ClassifierModel
{
    public required float[] Means { get; init; }
    public required float[] Scales { get; init; }

    /// <summary>Hidden weights, row-major (Hidden × Inputs); empty for logistic regression.</summary>
    public required float[] HiddenWeights { get; init; }
    public required float[] HiddenBiases { get; init; }

    /// <summary>Output weights over the hidden units, or over the inputs when there is no hidden layer.</summary>
    public required float[] OutputWeights { get; init; }
    public required float OutputBias { get; init; }

    /// <summary>The least probability at which a text is reported, chosen on training folds.</summary>
    public double Threshold { get; set; }

    /// <summary>The indirect-injection classifier's second cut (<see cref="TopicContrast"/>): a piece scored over its gate and less similar to its passage than this is planted. Null for the other classifiers.</summary>
    public double? TopicSimilarity { get; set; }

    public ModelProvenance Provenance { get; set; } = new();

    public int Inputs => Means.Length;

    public int Hidden => HiddenBiases.Length;

    public double Probability(ReadOnlySpan<float> features)
    {
        var d = Inputs;
        Span<float> x = d <= 4096 ? stackalloc float[d] : new float[d];
        TensorPrimitives.Subtract(features[..d], Means, x);
        TensorPrimitives.Multiply(x, Scales, x);
        double z = OutputBias;
        if (Hidden == 0) z += TensorPrimitives.Dot(OutputWeights, x);
        else
        {
            for (var u = 0; u < Hidden; u++)
            {
                var a = HiddenBiases[u] + TensorPrimitives.Dot(HiddenWeights.AsSpan(u * d, d), x);
                if (a > 0) z += a * OutputWeights[u];
            }
        }
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The same weights with another block threshold.</summary>
    public ClassifierModel WithThreshold(double threshold) => new()
    {
        Means = Means, Scales = Scales, HiddenWeights = HiddenWeights, HiddenBiases = HiddenBiases,
        OutputWeights = OutputWeights, OutputBias = OutputBias, Threshold = threshold,
        TopicSimilarity = TopicSimilarity, Provenance = Provenance,
    };

    public static ClassifierModel Load(string path) =>
        JsonSerializer.Deserialize<ModelFile>(File.ReadAllText(path), Json)?.ToModel() ?? throw new InvalidDataException($"{path} is empty.");

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(ModelFile.From(this), Json) + "\n");
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // The file is read by people too: keep apostrophes and '+' in base64 as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Floats as base64 keep the file small and the weights exact.
    private sealed record ModelFile(int Version, double Threshold, ModelProvenance Provenance, int Inputs, int Hidden,
        string Means, string Scales, string HiddenWeights, string HiddenBiases, string OutputWeights, float OutputBias, double? TopicSimilarity = null)
    {
        public static ModelFile From(ClassifierModel m) => new(1, m.Threshold, m.Provenance, m.Inputs, m.Hidden,
            Encode(m.Means), Encode(m.Scales), Encode(m.HiddenWeights), Encode(m.HiddenBiases), Encode(m.OutputWeights), m.OutputBias, m.TopicSimilarity);

        public ClassifierModel ToModel()
        {
            if (Version != 1) throw new InvalidDataException($"Unsupported classifier file version {Version}.");
            var model = new ClassifierModel
            {
                Threshold = Threshold, TopicSimilarity = TopicSimilarity, Provenance = Provenance,
                Means = Decode(Means), Scales = Decode(Scales), HiddenWeights = Decode(HiddenWeights),
                HiddenBiases = Decode(HiddenBiases), OutputWeights = Decode(OutputWeights), OutputBias = OutputBias,
            };
            if (model.Inputs != Inputs || model.Hidden != Hidden || model.HiddenWeights.Length != Hidden * Inputs
                || model.OutputWeights.Length != (Hidden == 0 ? Inputs : Hidden))
                throw new InvalidDataException("The classifier file's weights do not match its declared shape.");
            return model;
        }

        private static string Encode(float[] values) => Convert.ToBase64String(MemoryMarshal.AsBytes(values.AsSpan()));

        private static float[] Decode(string base64) => MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(base64)).ToArray();
    }
}

/// <summary>Where a model came from: its training rows by dataset, how its threshold was chosen, and the command that made it.</summary>
public sealed class ModelProvenance
{
    public string Command { get; set; } = "";
    public string TrainedOn { get; set; } = "";
    public string Features { get; set; } = "";
    public Dictionary<string, int> RowsByDataset { get; set; } = [];
    public List<string> Licences { get; set; } = [];
    public string ThresholdRule { get; set; } = "";
}
