using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Canopy.Api.Guardrails.Remote;

/// <summary>Body of the orchestrator's <c>POST /api/v2/text/detection/content</c>.</summary>
public sealed record ContentDetectionRequest(
    [property: JsonPropertyName("detectors")] JsonObject Detectors,
    [property: JsonPropertyName("content")] string Content);

public sealed record ContentDetectionResponse(
    [property: JsonPropertyName("detections")] IReadOnlyList<ContentDetection>? Detections);

/// <summary>One finding: character span, the text, the detection name and type, the detector and its score.</summary>
public sealed record ContentDetection(
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("detection")] string? DetectionName,
    [property: JsonPropertyName("detection_type")] string? DetectionType,
    [property: JsonPropertyName("detector_id")] string? DetectorId,
    [property: JsonPropertyName("score")] double Score);

/// <summary>The orchestrator's error body, <c>{"code": 404, "details": "..."}</c>.</summary>
public sealed record OrchestratorError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("details")] string? Details);

public static class OrchestratorDetectors
{
    /// <summary>The <c>detectors</c> object: each id with its parameters, numbers and booleans sent as such.</summary>
    public static JsonObject Build(RemoteGuardrailOptions remote)
    {
        var detectors = new JsonObject();
        foreach (var id in remote.DetectorIds) detectors[id] = new JsonObject();
        foreach (var (id, parameters) in remote.Detectors)
        {
            var node = new JsonObject();
            foreach (var (key, value) in parameters) node[key] = Value(value);
            detectors[id] = node;
        }
        return detectors;
    }

    private static JsonNode? Value(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
        : bool.TryParse(value, out var flag) ? JsonValue.Create(flag)
        : JsonValue.Create(value);
}
