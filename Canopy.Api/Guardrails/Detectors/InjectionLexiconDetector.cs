using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Instruction override and prompt extraction by their words in the languages the phrasing patterns and the injection
/// classifier do not read (<see cref="OverrideLexicon"/>). Words in double quotes or corner brackets are not read: a
/// student asking to translate or explain a quoted sentence ("Abaikan instruksi sebelumnya ...") quotes data. Requests
/// only: a retrieved passage in another language is the indirect-injection classifier's to judge.
/// </summary>
public sealed partial class InjectionLexiconDetector : IGuardrailDetector
{
    public const string DetectorName = "injection_lexicon";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (stage != GuardrailStage.Input) return [];
        var prepared = HarmLexicon.Prepare(Quoted().Replace(text, " "));
        if (OverrideLexicon.Overrides(prepared)) return [new Detection(Name, "instruction_override", 1.0, GuardrailAction.Block)];
        return OverrideLexicon.Extracts(prepared) ? [new Detection(Name, "system_prompt_extraction", 1.0, GuardrailAction.Block)] : [];
    }

    [GeneratedRegex(@"""[^""]{1,400}""|“[^”]{1,400}”|„[^“”]{1,400}[“”]|«[^»]{1,400}»|「[^」]{1,400}」|『[^』]{1,400}』")]
    private static partial Regex Quoted();
}
