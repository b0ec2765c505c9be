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

    /// <summary>
    /// A second stage on <paramref name="rows"/> behind the first stage <paramref name="firstStage"/> would fit on
    /// <paramref name="firstRows"/> (the same rows, in the same order): its threshold is chosen on what passes the gate.
    /// </summary>
    public ClassifierModel TrainBehind(HeldOutTrainer firstStage, IReadOnlyList<Featured> firstRows, IReadOnlyList<Featured> rows)
    {
        var model = Fit(rows);
        model.Threshold = ChooseThreshold(rows, group =>
        {
            var gate = firstStage.Fit([.. firstRows.Where(r => r.Row.Group != group)]);
            return i => gate.Probability(firstRows[i].Features) >= SentenceStage.Gate;
        });
        return model;
    }

    /// <param name="reaches">
    /// For a second stage: given the dataset left out, whether the first stage (trained without it too) lets row i
    /// through to this model; a row it does not is passed and scores 0.
    /// </param>
    public double ChooseThreshold(IReadOnlyList<Featured> rows, Func<string, Func<int, bool>>? reaches = null)
    {
        // Hard negatives train the model but set no threshold (HarmTask.HardNegativeDatasets), as in the evaluation's folds.
        var benignGroups = rows.Where(r => !r.Row.IsAttack && !HarmTask.HardNegativeDatasets.Contains(r.Row.Group)).Select(r => r.Row.Group).Distinct().ToArray();
        var scored = new ConcurrentBag<(string Group, RowKind Kind, double Score)>();
        Parallel.ForEach(benignGroups, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, group =>
        {
            var model = Fit([.. rows.Where(r => r.Row.Group != group)]);
            var reached = reaches?.Invoke(group);
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (r.Row.Group != group || r.Row.IsAttack || r.Row.Rephrased) continue;
                scored.Add((group, r.Row.Kind, reached is null || reached(i) ? model.Probability(r.Features) : 0));
            }
        });
        return rule.Choose(scored);
    }
}
