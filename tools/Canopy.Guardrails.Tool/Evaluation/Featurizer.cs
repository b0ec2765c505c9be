using System.Collections.Concurrent;
using Canopy.Api.Guardrails.Semantic;
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
}
