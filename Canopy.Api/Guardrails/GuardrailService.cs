using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Runs the detectors of a stage as one <c>guardrails-check</c> span, applies the per-feature settings
/// (enabled, threshold, action) and the redactions. Spans, events, metrics and logs carry categories and
/// scores only, never the matched text.
/// </summary>
public sealed partial class GuardrailService(
    IEnumerable<IGuardrailDetector> detectors,
    IEnumerable<IAsyncGuardrailDetector> asyncDetectors,
    IOptions<GuardrailOptions> options,
    ILogger<GuardrailService> logger)
{
    public const string BlockedMessage = "Your request was blocked by our safety guardrails.";

    /// <summary>What a student is told for a block of <paramref name="category"/>: where to find help for self-harm, else the refusal.</summary>
    public string MessageFor(string? category) => category == SafeguardingDetector.SelfHarm ? _options.SelfHarmMessage : BlockedMessage;

    private readonly IGuardrailDetector[] _detectors = [.. detectors];
    private readonly IAsyncGuardrailDetector[] _asyncDetectors = [.. asyncDetectors];
    private readonly GuardrailOptions _options = options.Value;

    /// <summary>Runs the stage's detectors; remote ones, if configured, are waited for (bounded by their timeout).</summary>
    public async Task<GuardrailResult> CheckAsync(string text, GuardrailStage stage, string? feature = null, CancellationToken cancellationToken = default)
    {
        using var activity = StartSpan(stage, feature);
        var detections = DetectLocal(text, stage, feature);
        detections.AddRange(await DetectRemoteAsync(text, stage, feature, cancellationToken));
        return Complete(activity, text, stage, detections);
    }

    /// <summary>Runs the detectors without a span of its own (the streaming guard reports one span for the whole answer).</summary>
    internal async Task<GuardrailResult> EvaluateAsync(string text, GuardrailStage stage, string? feature, CancellationToken cancellationToken)
    {
        var detections = DetectLocal(text, stage, feature);
        detections.AddRange(await DetectRemoteAsync(text, stage, feature, cancellationToken));
        return Decide(text, stage, detections);
    }

    /// <summary>A guard for one streamed answer; see <see cref="StreamingOutputGuard"/>.</summary>
    public StreamingOutputGuard CreateOutputGuard(string? feature = null) => new(this, feature);

    /// <summary>A result over detections gathered elsewhere, whose text is already final.</summary>
    internal static GuardrailResult Summarise(GuardrailStage stage, IReadOnlyList<Detection> detections, string text) =>
        Decide(text, stage, detections) with { Text = text };

    private List<Detection> DetectLocal(string text, GuardrailStage stage, string? feature)
    {
        var found = new List<Detection>();
        foreach (var detector in _detectors.Where(d => d.Stages.Contains(stage)))
        {
            var settings = _options.Resolve(detector.Name, feature);
            if (!settings.Enabled) continue;
            found.AddRange(Apply(detector.Detect(text, stage, feature), settings));
        }
        return found;
    }

    private async Task<IEnumerable<Detection>> DetectRemoteAsync(string text, GuardrailStage stage, string? feature, CancellationToken cancellationToken)
    {
        var active = ActiveAsync(stage, feature).ToArray();
        if (active.Length == 0) return [];
        var results = await Task.WhenAll(active.Select(d => d.DetectAsync(text, stage, feature, cancellationToken)));
        return active.Zip(results).SelectMany(pair => Apply(pair.Second, _options.Resolve(pair.First.Name, feature)));
    }

    private IEnumerable<IAsyncGuardrailDetector> ActiveAsync(GuardrailStage stage, string? feature) =>
        _asyncDetectors.Where(d => d.Stages.Contains(stage) && _options.Resolve(d.Name, feature).Enabled);

    private static IEnumerable<Detection> Apply(IEnumerable<Detection> detections, DetectorSettings settings) =>
        detections
            .Where(d => settings.Threshold is not { } t || d.Score >= t || d.Category == RemoteFailureCategory)
            .Select(d => settings.Action is { } a && d.Category != RemoteFailureCategory ? d with { Action = a } : d);

    /// <summary>The category reported when a remote detector could not answer.</summary>
    public const string RemoteFailureCategory = "guardrails_unavailable";

    private static Activity? StartSpan(GuardrailStage stage, string? feature)
    {
        var activity = ApiTelemetry.Source.StartActivity(ApiTelemetry.GuardrailsCheckSpan);
        activity?.SetTag("canopy.guardrails.stage", StageName(stage));
        if (feature is not null) activity?.SetTag("canopy.feature", feature);
        return activity;
    }

    internal static string StageName(GuardrailStage stage) => stage.ToString().ToLowerInvariant();

    internal static GuardrailResult Decide(string text, GuardrailStage stage, IReadOnlyList<Detection> detections)
    {
        var decision = detections.Count == 0 ? GuardrailDecision.Allow : detections.Max(d => d.Action) switch
        {
            GuardrailAction.Block => GuardrailDecision.Block,
            GuardrailAction.Redact => GuardrailDecision.Redact,
            _ => GuardrailDecision.Flag,
        };
        var output = decision == GuardrailDecision.Redact ? Redact(text, detections) : text;
        return new GuardrailResult(stage, decision, detections, output);
    }

    private GuardrailResult Complete(Activity? activity, string text, GuardrailStage stage, List<Detection> detections)
    {
        var result = Decide(text, stage, detections);
        Record(activity, result);
        return result;
    }

    /// <summary>Counts the detections and describes them on the span: detector, category, score, action; never text.</summary>
    internal void Record(Activity? activity, GuardrailResult result, bool countDetections = true)
    {
        var stageName = StageName(result.Stage);
        foreach (var d in result.Detections)
        {
            if (countDetections) CountDetection(d, result.Stage);
            activity?.AddEvent(new ActivityEvent("guardrails.detection", tags: new ActivityTagsCollection
            {
                ["canopy.guardrails.detector"] = d.Detector,
                ["canopy.guardrails.category"] = d.Category,
                ["canopy.guardrails.score"] = d.Score,
                ["canopy.guardrails.action"] = d.Action.ToString().ToLowerInvariant(),
            }));
        }
        activity?.SetTag("canopy.guardrails.decision", result.Decision.ToString().ToLowerInvariant());
        activity?.SetTag("canopy.guardrails.detections", result.Detections.Count);
        if (result.IsBlocked)
            logger.LogWarning("Guardrails blocked at {Stage}: {Categories}", stageName, string.Join(",", result.Detections.Select(d => d.Category).Distinct()));
    }

    internal static void CountDetection(Detection d, GuardrailStage stage) =>
        ApiTelemetry.GuardrailDetections.Add(1,
            new KeyValuePair<string, object?>("canopy.guardrails.detector", d.Detector),
            new KeyValuePair<string, object?>("canopy.guardrails.stage", StageName(stage)),
            new KeyValuePair<string, object?>("canopy.guardrails.action", d.Action.ToString().ToLowerInvariant()));

    /// <summary>Replaces redacted spans by their typed placeholders; where spans overlap, the earliest (then longest) wins.</summary>
    internal static string Redact(string text, IEnumerable<Detection> detections)
    {
        var spans = detections.Where(d => d.Action == GuardrailAction.Redact && d.Length > 0 && d.Start + d.Length <= text.Length)
            .OrderBy(d => d.Start).ThenByDescending(d => d.Length);
        var sb = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var d in spans)
        {
            if (d.Start < position) continue;
            sb.Append(text, position, d.Start - position).Append(d.Placeholder);
            position = d.Start + d.Length;
        }
        return sb.Append(text, position, text.Length - position).ToString();
    }
}
