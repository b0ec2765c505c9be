namespace Canopy.Api.Guardrails;

/// <summary>
/// A request framed as an English jailbreak (<see cref="JailbreakFrame"/>), blocked whatever it goes on to ask: the
/// harm classifier reads what is asked, and a wrapper (a persona, a game, a translation) dilutes it. Requests only:
/// a retrieved passage is the indirect-injection classifier's to judge.
/// </summary>
public sealed class JailbreakFrameDetector : IGuardrailDetector
{
    public const string DetectorName = "jailbreak_frame";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (stage != GuardrailStage.Input) return [];
        var frames = JailbreakFrame.Find(text);
        return frames.Count == 0 ? [] : [new Detection(Name, frames[0], 1.0, GuardrailAction.Block)];
    }
}
