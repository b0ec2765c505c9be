using Canopy.Api.Guardrails.Semantic;
using Canopy.Embeddings;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>The features of many rows at once, in parallel, kept in the rows' order.</summary>
public static class Featurizer
{
    public static List<Featured> Embed(IReadOnlyList<LabelledRow> rows, TextEmbedder embedder)
    {
        var features = new float[rows.Count][];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => features[i] = embedder.Embed(rows[i].Text));
        return [.. rows.Select((r, i) => new Featured(r, features[i]))];
    }

    /// <summary>
    /// The harm classifier's second-stage features of the same rows (<see cref="SentenceStage.Features"/>), in their order.
    /// Only English rows run the transformer (about 31,000 texts of the pool and its rewordings, 5 to 6 minutes on 2 cores): the classifier abstains on the others.
    /// </summary>
    public static List<Featured> Sentences(IReadOnlyList<Featured> rows, MiniLmEmbeddingGenerator encoder, Action<string>? progress = null)
    {
        var texts = rows.Where(r => EnglishText.IsEnglish(r.Row.Text)).Select(r => r.Row.Text).Distinct().ToArray();
        var vectors = new float[texts.Length][];
        var done = 0;
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            vectors[i] = SentenceStage.Encode(encoder, texts[i]);
            if (Interlocked.Increment(ref done) % 5000 == 0) progress?.Invoke($"sentence vectors: {done:N0} of {texts.Length:N0}");
        });
        var byText = texts.Zip(vectors).ToDictionary(p => p.First, p => p.Second);
        var none = new float[SentenceStage.Dimensions];
        return [.. rows.Select(r => new Featured(r.Row, SentenceStage.Features(byText.GetValueOrDefault(r.Row.Text, none), r.Features)))];
    }
}
