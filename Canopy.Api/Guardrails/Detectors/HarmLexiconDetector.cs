namespace Canopy.Api.Guardrails;

/// <summary>
/// Requests for grave harm by their words: in the languages the harm classifier cannot read (it abstains on text that is
/// not English), a request that names a grave harm (<see cref="HarmLexicon"/>) and asks how to do it, without asking how
/// to prevent, recognise or report it; in English, asking how to do a grave harm named as the act
/// (<see cref="EnglishHarmRequest"/>), which the classifier scores too low when the word that makes it grave is rare.
/// Both read every text: the other languages' words for asking do not occur in English, and language detection takes
/// some short requests in Italian or Swahili for English.
/// </summary>
public sealed class HarmLexiconDetector : IGuardrailDetector
{
    public const string DetectorName = "harm_lexicon";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        var prepared = HarmLexicon.Prepare(text);
        var other = HarmLexicon.NamesHazard(prepared) && HarmLexicon.Asks(prepared) && !HarmLexicon.Protects(prepared);
        return other || EnglishHarmRequest.Matches(text) ? [new Detection(Name, "harmful_request", 1.0, GuardrailAction.Block)] : [];
    }
}
