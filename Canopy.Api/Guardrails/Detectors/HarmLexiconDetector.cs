using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Requests for grave harm in the languages the harm classifier cannot read: it abstains on text that is not English,
/// which left every such request to the phrasing patterns and HAP. A request that names a grave harm
/// (<see cref="HarmLexicon"/>) and asks how to do it, without asking how to prevent, recognise or report it, is blocked. English is the
/// classifier's, so this detector leaves it alone.
/// </summary>
public sealed class HarmLexiconDetector : IGuardrailDetector
{
    public const string DetectorName = "harm_lexicon";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (EnglishText.IsEnglish(text) && EnglishText.HasEnglishWords(text)) return [];
        var prepared = HarmLexicon.Prepare(text);
        return HarmLexicon.NamesHazard(prepared) && HarmLexicon.Asks(prepared) && !HarmLexicon.Protects(prepared)
            ? [new Detection(Name, "harmful_request", 1.0, GuardrailAction.Block)]
            : [];
    }
}
