using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// The harm classifier's purpose stage's task (<see cref="PurposeStage"/>): ordinary requests on a harm's subject, most of
/// them from people seeking safety (protective, the positive class), against requests for harm, many under cover of
/// safety's words, by the writers of <see cref="WrittenPrompts.HarmFile"/>, with the pool's requests for harm that the
/// harm classifier trains on. Each English row also trains it reworded into the other framing (question or instruction),
/// as it does the other two stages; the features are the second stage's.
/// </summary>
public static class PurposeTask
{
    /// <summary>
    /// The most it may pass of the requests for harm that the second stage blocks (it reads no others), each dataset scored
    /// by a model trained without it: the stage trades at most this share of the classifier's blocks for the questions it passes.
    /// </summary>
    public const double MaxAttackRate = 0.05;

    public static bool Trains(LabelledRow row) =>
        !row.NonCommercial && EnglishText.IsEnglish(row.Text)
        && (WrittenPrompts.HarmGroups.Contains(row.Group) || (row.Kind == RowKind.Attack && HarmTask.Trains(row)));

    /// <summary>A model on the rows it trains on among <paramref name="rows"/>; each class weighs the same in all.</summary>
    public static ClassifierModel Fit(IEnumerable<Featured> rows, TrainerSettings settings)
    {
        var training = rows.Where(r => Trains(r.Row)).ToList();
        var protective = training.Count(r => !r.Row.IsAttack);
        var attacks = training.Count - protective;
        return ClassifierTrainer.Train([.. training.Select(r => r.Features)], [.. training.Select(r => !r.Row.IsAttack)],
            [.. training.Select(r => (float)training.Count / 2 / (r.Row.IsAttack ? attacks : protective))], settings);
    }

    /// <summary>
    /// The lowest threshold that passes at most <see cref="MaxAttackRate"/> of the requests for harm among <paramref name="rows"/>
    /// that <paramref name="blocked"/> says the second stage blocks, each dataset of them scored by the model <paramref name="without"/>
    /// gives trained without it.
    /// </summary>
    public static double ChooseThreshold(IReadOnlyList<Featured> rows, Func<string, ClassifierModel> without, Func<Featured, bool> blocked)
    {
        var scores = rows.Where(r => Trains(r.Row) && r.Row.IsAttack && blocked(r)).GroupBy(r => r.Row.Group)
            .SelectMany(g => { var model = without(g.Key); return g.Select(r => model.Probability(r.Features)); }).ToList();
        return ThresholdRule.Quantile(scores, MaxAttackRate);
    }

    public const string TrainedOn =
        "ordinary English requests on a harm's subject, most of them from people seeking safety (protective), against requests for harm, many under cover of safety's words, by the writers of eval/train/harm_tasks.jsonl, and the English requests for harm that train the harm classifier";
}
