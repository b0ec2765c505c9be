namespace Canopy.Api.Guardrails;

public enum GuardrailStage { Input, Context, Output }

/// <summary>What a detection asks for: stop the request, replace the matched text, or only record it.</summary>
public enum GuardrailAction { Flag, Redact, Block }

/// <summary>The outcome of one stage, from most to least permissive order of severity.</summary>
public enum GuardrailDecision { Allow, Flag, Redact, Block }

/// <summary>One finding. <see cref="Start"/>/<see cref="Length"/> locate it for redaction; the matched text itself is never kept.</summary>
public sealed record Detection(string Detector, string Category, double Score, GuardrailAction Action, int Start = 0, int Length = 0)
{
    /// <summary>Placeholder shown instead of redacted text, e.g. "[email removed]".</summary>
    public string Placeholder => $"[{Category.Replace('_', ' ')} removed]";
}

/// <summary>The result of a stage: the decision, the findings, and the text to use from here on (redacted if needed).</summary>
public sealed record GuardrailResult(GuardrailStage Stage, GuardrailDecision Decision, IReadOnlyList<Detection> Detections, string Text)
{
    public bool IsBlocked => Decision == GuardrailDecision.Block;

    /// <summary>
    /// The category a student is shown for a block (never the matched text); a self-harm block comes first, since it
    /// decides the reply (<see cref="GuardrailService.MessageFor"/>).
    /// </summary>
    public string? BlockCategory =>
        (Detections.FirstOrDefault(d => d.Action == GuardrailAction.Block && d.Category == SafeguardingDetector.SelfHarm)
         ?? Detections.FirstOrDefault(d => d.Action == GuardrailAction.Block))?.Category;
}
