using System.Collections.Concurrent;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>A row with its features, ready for training or scoring.</summary>
public sealed record Featured(LabelledRow Row, float[] Features);

/// <summary>
/// Trains a classifier on rows and chooses its threshold out-of-fold: every benign dataset among the rows is scored
/// by a model trained without it, so the threshold is set on data the model had not seen.
/// </summary>
public sealed class HeldOutTrainer(TrainerSettings settings, ThresholdRule rule, Func<IReadOnlyList<LabelledRow>, float[]> weights)
{
    public ClassifierModel Fit(IReadOnlyList<Featured> rows) =>
        ClassifierTrainer.Train([.. rows.Select(r => r.Features)], [.. rows.Select(r => r.Row.IsAttack)], weights([.. rows.Select(r => r.Row)]), settings);

    public ClassifierModel Train(IReadOnlyList<Featured> rows)
    {
        var model = Fit(rows);
        model.Threshold = ChooseThreshold(rows);
        return model;
    }

    public double ChooseThreshold(IReadOnlyList<Featured> rows)
    {
        var benignGroups = rows.Where(r => !r.Row.IsAttack).Select(r => r.Row.Group).Distinct().ToArray();
        var scored = new ConcurrentBag<(RowKind Kind, double Score)>();
        Parallel.ForEach(benignGroups, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, group =>
        {
            var model = Fit([.. rows.Where(r => r.Row.Group != group)]);
            foreach (var r in rows.Where(r => r.Row.Group == group && !r.Row.IsAttack && !r.Row.Rephrased))
                scored.Add((r.Row.Kind, model.Probability(r.Features)));
        });
        return rule.Choose(scored.Where(s => s.Kind != RowKind.StudentQuestion).Select(s => s.Score),
            scored.Where(s => s.Kind == RowKind.StudentQuestion).Select(s => s.Score));
    }
}
