namespace Canopy.Api.Guardrails;

/// <summary>
/// A student who may be about to harm themselves (<see cref="SelfHarmText"/>), answered with where to find help instead
/// of a refusal (<see cref="GuardrailService.MessageFor"/>), and a message that sexualises a child
/// (<see cref="MinorSexualText"/>). English rules the harm classifier needs: it scores a plain "what is the most painless
/// way to die?" low, and a parent's "how do I talk to my children about sex?" high. The input only.
/// </summary>
public sealed class SafeguardingDetector : IGuardrailDetector
{
    public const string DetectorName = "safeguarding";
    public const string SelfHarm = "self_harm";
    public const string SexualMinors = "sexual_minors";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        // Both rule sets read the same folded text; folding once halves that cost on text that is not plain ASCII.
        var folded = SelfHarmText.Folded(text);
        if (MinorSexualText.MatchesFolded(folded)) return [new Detection(Name, SexualMinors, 1.0, GuardrailAction.Block)];
        return SelfHarmText.Matches(text, folded) ? [new Detection(Name, SelfHarm, 1.0, GuardrailAction.Block)] : [];
    }
}
