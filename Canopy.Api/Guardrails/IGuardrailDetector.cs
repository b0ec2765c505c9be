namespace Canopy.Api.Guardrails;

/// <summary>A detector inspects text at a stage and reports what it found; it never changes the text itself.</summary>
public interface IGuardrailDetector
{
    string Name { get; }

    /// <summary>Stages this detector runs at.</summary>
    IReadOnlySet<GuardrailStage> Stages { get; }

    IEnumerable<Detection> Detect(string text, GuardrailStage stage);

    /// <summary>Feature-aware variant; detectors whose policy depends on the feature (topics) override it.</summary>
    IEnumerable<Detection> Detect(string text, GuardrailStage stage, string? feature) => Detect(text, stage);
}
