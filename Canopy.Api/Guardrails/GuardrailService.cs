using System.Diagnostics;

namespace Canopy.Api.Guardrails;

/// <summary>Runs the detectors of a stage as one <c>guardrails-check</c> span and applies redactions.</summary>
public sealed class GuardrailService(IEnumerable<IGuardrailDetector> detectors, ILogger<GuardrailService> logger)
{
    public const string BlockedMessage = "Your request was blocked by our safety guardrails.";

    public GuardrailResult Check(string text, GuardrailStage stage)
    {
        using var activity = ApiTelemetry.Source.StartActivity(ApiTelemetry.GuardrailsCheckSpan);
        var stageName = stage.ToString().ToLowerInvariant();
        activity?.SetTag("canopy.guardrails.stage", stageName);

        var detections = detectors
            .Where(d => d.Stages.Contains(stage))
            .SelectMany(d => d.Detect(text, stage))
            .ToList();

        var decision = detections.Count == 0 ? GuardrailDecision.Allow : detections.Max(d => d.Action) switch
        {
            GuardrailAction.Block => GuardrailDecision.Block,
            GuardrailAction.Redact => GuardrailDecision.Redact,
            _ => GuardrailDecision.Flag,
        };
        var output = decision == GuardrailDecision.Redact ? Redact(text, detections) : text;

        foreach (var d in detections)
        {
            ApiTelemetry.GuardrailDetections.Add(1,
                new KeyValuePair<string, object?>("canopy.guardrails.detector", d.Detector),
                new KeyValuePair<string, object?>("canopy.guardrails.stage", stageName),
                new KeyValuePair<string, object?>("canopy.guardrails.action", d.Action.ToString().ToLowerInvariant()));
            activity?.AddEvent(new ActivityEvent("guardrails.detection", tags: new ActivityTagsCollection
            {
                ["canopy.guardrails.detector"] = d.Detector,
                ["canopy.guardrails.category"] = d.Category,
                ["canopy.guardrails.score"] = d.Score,
                ["canopy.guardrails.action"] = d.Action.ToString().ToLowerInvariant(),
            }));
        }
        activity?.SetTag("canopy.guardrails.decision", decision.ToString().ToLowerInvariant());
        activity?.SetTag("canopy.guardrails.detections", detections.Count);
        if (decision == GuardrailDecision.Block)
            logger.LogWarning("Guardrails blocked a request at {Stage}: {Categories}", stageName, string.Join(",", detections.Select(d => d.Category)));
        return new GuardrailResult(stage, decision, detections, output);
    }

    internal static string Redact(string text, IEnumerable<Detection> detections)
    {
        var result = text;
        foreach (var d in detections.Where(d => d.Action == GuardrailAction.Redact && d.Length > 0).OrderByDescending(d => d.Start))
            result = string.Concat(result.AsSpan(0, d.Start), d.Placeholder, result.AsSpan(d.Start + d.Length));
        return result;
    }
}
