using Microsoft.Extensions.Options;

namespace Canopy.Api.Guardrails.Remote;

/// <summary>
/// Merges the orchestrator's detections with the local ones. When it cannot answer, the configured policy decides:
/// closed blocks with <c>guardrails_unavailable</c>, open lets the text through with a flag of that category.
/// </summary>
public sealed class RemoteGuardrailDetector(OrchestratorClient client, IOptions<GuardrailOptions> options, ILogger<RemoteGuardrailDetector> logger)
    : IAsyncGuardrailDetector
{
    public const string DetectorName = "remote";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = options.Value.Remote.Stages.ToHashSet();

    public async Task<IReadOnlyList<Detection>> DetectAsync(string text, GuardrailStage stage, string? feature, CancellationToken cancellationToken)
    {
        var remote = options.Value.Remote;
        try
        {
            var found = await client.DetectAsync(text, cancellationToken);
            return [.. found.Where(d => d.Score >= remote.Threshold).Select(d => new Detection(
                $"{Name}:{d.DetectorId ?? "unknown"}", Category(d), Math.Round(d.Score, 4), remote.Action,
                Math.Clamp(d.Start, 0, text.Length), Math.Clamp(d.End - d.Start, 0, text.Length - Math.Clamp(d.Start, 0, text.Length))))];
        }
        catch (OrchestratorUnavailableException ex)
        {
            logger.LogWarning("Remote guardrails unavailable ({Policy}): {Reason}", remote.FailurePolicy, ex.Message);
            var action = remote.FailurePolicy == FailurePolicy.Closed ? GuardrailAction.Block : GuardrailAction.Flag;
            return [new Detection(Name, GuardrailService.RemoteFailureCategory, 1.0, action)];
        }
    }

    // The category a student may see: the orchestrator's detector id, made safe for a placeholder.
    private static string Category(ContentDetection d)
    {
        var name = (d.DetectorId ?? d.DetectionName ?? d.DetectionType ?? "remote").ToLowerInvariant();
        return new string([.. name.Select(c => char.IsLetterOrDigit(c) ? c : '_')]);
    }
}
