namespace Canopy.Api.Guardrails;

/// <summary>
/// Requests for grave harm by their words: in the languages the harm classifier cannot read (it abstains on text that is
/// not English), a request that names a grave harm (<see cref="HarmLexicon"/>) and asks how to do it, without asking how
/// to prevent, recognise or report it; in English, asking how to do a grave harm named as the act
/// (<see cref="EnglishHarmRequest"/>), which the classifier scores too low when the word that makes it grave is rare, or
/// asking for a text made to deceive, threaten, incite or demean (<see cref="EnglishHarmfulText"/>, the input only).
/// Both read every request: the other languages' words for asking do not occur in English, and language detection takes
/// some short requests in Italian or Swahili for English. In a retrieved passage only the English rule reads, as the
/// harm classifier does: it needs the act right after the ask, where the other languages' lists need only both somewhere.
/// </summary>
public sealed class HarmLexiconDetector : IGuardrailDetector
{
    public const string DetectorName = "harm_lexicon";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Context };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (stage == GuardrailStage.Context)
            return EnglishHarmRequest.Matches(text) ? [new Detection(Name, "harmful_request", 1.0, GuardrailAction.Block)] : [];
        var prepared = HarmLexicon.Prepare(text);
        // The exceptions are read only where a harm is named and asked for, which most text is not.
        var other = HarmLexicon.NamesHazard(prepared) && HarmLexicon.Asks(prepared) && !HarmLexicon.Protects(prepared)
            && !StudyRequest.Matches(prepared) && HarmLexicon.NamesHazard(HarmlessKilling.Remove(prepared));
        return other || EnglishHarmRequest.Matches(text) || EnglishHarmfulText.Matches(text) ? [new Detection(Name, "harmful_request", 1.0, GuardrailAction.Block)] : [];
    }
}
