using System.Text.Json;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// The other-language harm classifier's task (<see cref="OtherLanguageStage"/>): requests for harm against ordinary
/// messages (study questions, tasks, small talk, creative and technical requests, and messages that name a harm but ask
/// for safety, history or a story), written for the repository in sixteen languages by two rounds of writers
/// (<see cref="File"/>). No row of the pool trains it or sets its threshold: every figure of it on the pool is out of sample.
/// Each language and kind weighs the same, so that no language is itself a sign of harm.
/// </summary>
public static class OtherLanguageTask
{
    public const string File = "train/harm_languages.jsonl";

    /// <summary>The most ordinary messages it may block out of fold, and the most of those that name a harm.</summary>
    public const double MaxBenignRate = 0.005;
    public const double MaxHarmSubjectRate = 0.02;

    private const int Folds = 5;

    public sealed record Row(string Id, string Writer, string Language, bool Attack, string Family, string Text, SparseVector Features);

    public static IReadOnlyList<Row> Read(DataFolders folders) =>
        folders.Find(File) is not { } path ? [] : [.. System.IO.File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var r = doc.RootElement;
            var text = r.GetProperty("text").GetString()!;
            return new Row(r.GetProperty("id").GetString()!, r.GetProperty("writer").GetString()!, r.GetProperty("lang").GetString()!,
                r.GetProperty("kind").GetString() == "attack", r.GetProperty("family").GetString()!, text, CharacterGrams.Of(text));
        })];

    public static ClassifierModel Fit(IReadOnlyList<Row> rows)
    {
        var counts = rows.GroupBy(r => (r.Language, r.Attack)).ToDictionary(g => g.Key, g => g.Count());
        var weights = rows.Select(r => (float)((double)rows.Count / counts.Count / counts[(r.Language, r.Attack)])).ToArray();
        return SparseTrainer.Train([.. rows.Select(r => r.Features)], [.. rows.Select(r => r.Attack)], weights, CharacterGrams.Buckets, epochs: Epochs, decay: Decay);
    }

    public const int Epochs = 100;
    public const float Decay = 1e-5f;

    /// <summary>Each row's score by a model trained without its fold (rows dealt to folds in turn).</summary>
    public static double[] OutOfFold(IReadOnlyList<Row> rows)
    {
        var scores = new double[rows.Count];
        Parallel.For(0, Folds, fold =>
        {
            var model = Fit([.. rows.Where((_, i) => i % Folds != fold)]);
            for (var i = fold; i < rows.Count; i += Folds) scores[i] = Probability(model, rows[i].Features);
        });
        return scores;
    }

    public static double Probability(ClassifierModel model, SparseVector features) => 1 / (1 + Math.Exp(-(model.OutputBias + features.Dot(model.OutputWeights))));

    public static bool NamesHarm(Row row) => row.Family == "harm-subject";

    /// <summary>The lowest threshold that blocks, out of fold, at most <see cref="MaxBenignRate"/> of the ordinary messages and <see cref="MaxHarmSubjectRate"/> of those naming a harm.</summary>
    public static double ChooseThreshold(IReadOnlyList<Row> rows, double[] outOfFold)
    {
        var benign = Enumerable.Range(0, rows.Count).Where(i => !rows[i].Attack).ToList();
        return Math.Max(0.5, Math.Max(ThresholdRule.Quantile(benign.Where(i => !NamesHarm(rows[i])).Select(i => outOfFold[i]), MaxBenignRate),
            ThresholdRule.Quantile(benign.Where(i => NamesHarm(rows[i])).Select(i => outOfFold[i]), MaxHarmSubjectRate)));
    }

    public static ClassifierModel Train(IReadOnlyList<Row> rows, string command)
    {
        var model = Fit(rows);
        model.Threshold = ChooseThreshold(rows, OutOfFold(rows));
        model.Provenance = new ModelProvenance
        {
            Command = command,
            TrainedOn = $"requests for harm against ordinary messages (study questions, tasks, small talk, creative, technical and everyday requests, messages naming a harm), written for the repository ({File}) in {rows.Select(r => r.Language).Distinct().Count()} languages; each language and kind weighs the same",
            Features = $"CharacterGrams: words and their character 2- to 4-grams, hashed into {CharacterGrams.Buckets} buckets, log counts scaled to unit length; logistic regression, {Epochs} epochs, L2 decay {Decay}",
            ThresholdRule = $"the lowest threshold (at least 0.5) that blocks at most {MaxBenignRate:P1} of the ordinary messages and {MaxHarmSubjectRate:P1} of those naming a harm, each row scored by a model trained without its fold ({Folds} folds)",
            RowsByDataset = rows.GroupBy(r => $"{r.Language} {(r.Attack ? "attack" : "benign")}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Licences = ["the project's own"],
        };
        return model;
    }
}
