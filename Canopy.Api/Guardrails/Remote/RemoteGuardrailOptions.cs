using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Guardrails.Remote;

public enum FailurePolicy { Closed, Open }

/// <summary><c>Canopy:Guardrails:Remote</c>: the TrustyAI / FMS guardrails orchestrator; off while <see cref="Endpoint"/> is empty.</summary>
public sealed class RemoteGuardrailOptions : IValidatableObject
{
    /// <summary>Base address of the orchestrator, e.g. https://guardrails-orchestrator:8032.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Detector ids configured in the orchestrator, with optional parameters each (sent as the detector's object).</summary>
    public Dictionary<string, Dictionary<string, string>> Detectors { get; set; } = new();

    /// <summary>Detector ids sent without parameters (configuration cannot express an empty object).</summary>
    public List<string> DetectorIds { get; set; } = [];

    /// <summary>How long one call may take in total; the request follows <see cref="FailurePolicy"/> after it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>closed: an unreachable orchestrator blocks the request; open: it is allowed and flagged.</summary>
    public FailurePolicy FailurePolicy { get; set; } = FailurePolicy.Closed;

    /// <summary>Orchestrator detections at or above this score count.</summary>
    [Range(0.0, 1.0)]
    public double Threshold { get; set; } = 0.5;

    /// <summary>What an orchestrator detection asks for.</summary>
    public GuardrailAction Action { get; set; } = GuardrailAction.Block;

    public GuardrailStage[] Stages { get; set; } = [GuardrailStage.Input, GuardrailStage.Output];

    /// <summary>Optional bearer token (e.g. an OpenShift service-account token) for an authenticated route.</summary>
    public string? BearerToken { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult("Remote.Endpoint must be an absolute http(s) address.", [nameof(Endpoint)]);
        if (Detectors.Count == 0 && DetectorIds.Count == 0)
            yield return new ValidationResult("Remote.Detectors (or Remote.DetectorIds) must name at least one orchestrator detector.", [nameof(Detectors)]);
    }
}
