namespace Canopy.Api.Guardrails;

/// <summary>A detector that has to wait for something (a remote service); its results merge with the local ones.</summary>
public interface IAsyncGuardrailDetector
{
    string Name { get; }

    IReadOnlySet<GuardrailStage> Stages { get; }

    Task<IReadOnlyList<Detection>> DetectAsync(string text, GuardrailStage stage, string? feature, CancellationToken cancellationToken);
}
