using System.Diagnostics;
using System.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Checks a streamed answer as it comes: text is held back until a sentence ends, checked with the output-stage
/// detectors, and only then released (with personal data replaced by placeholders). After a block nothing more is
/// released. <see cref="FlushAsync"/> checks the rest and records one <c>guardrails-check</c> span (stage=output).
/// </summary>
public sealed class StreamingOutputGuard(GuardrailService guardrails, string? feature)
{
    /// <summary>Held-back text beyond which a run without a sentence end is released at its last space.</summary>
    internal const int MaxPending = 400;

    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _released = new();
    private readonly List<Detection> _detections = [];
    private DateTimeOffset? _firstCheck;
    private int _segments;
    private bool _flushed;

    public bool IsBlocked { get; private set; }

    /// <summary>Everything released so far, as the student saw it.</summary>
    public string ReleasedText => _released.ToString();

    /// <summary>The outcome for the whole answer; complete after <see cref="FlushAsync"/>.</summary>
    public GuardrailResult Result => GuardrailService.Summarise(GuardrailStage.Output, _detections, ReleasedText);

    /// <summary>Takes the next delta and returns the text that may be shown now (often empty while a sentence is open).</summary>
    public async Task<string> PushAsync(string delta, CancellationToken cancellationToken = default)
    {
        if (IsBlocked || _flushed) return "";
        _pending.Append(delta);
        var cut = SentenceCut(_pending);
        if (cut == 0) return "";
        var segment = _pending.ToString(0, cut);
        _pending.Remove(0, cut);
        return await ReleaseAsync(segment, cancellationToken);
    }

    /// <summary>Checks and returns what is still held back, and records the span of the output check. Call once at the end.</summary>
    public async Task<string> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_flushed) return "";
        var rest = IsBlocked ? "" : _pending.ToString();
        _pending.Clear();
        var released = rest.Length > 0 ? await ReleaseAsync(rest, cancellationToken) : "";
        _flushed = true;
        using var activity = ApiTelemetry.Source.StartActivity(ApiTelemetry.GuardrailsCheckSpan, ActivityKind.Internal,
            parentContext: default, startTime: _firstCheck ?? default);
        activity?.SetTag("canopy.guardrails.stage", GuardrailService.StageName(GuardrailStage.Output));
        activity?.SetTag("canopy.guardrails.streamed", true);
        activity?.SetTag("canopy.guardrails.segments", _segments);
        if (feature is not null) activity?.SetTag("canopy.feature", feature);
        guardrails.Record(activity, Result, countDetections: false);
        return released;
    }

    private async Task<string> ReleaseAsync(string segment, CancellationToken cancellationToken)
    {
        _firstCheck ??= DateTimeOffset.UtcNow;
        _segments++;
        var result = await guardrails.EvaluateAsync(segment, GuardrailStage.Output, feature, cancellationToken);
        foreach (var d in result.Detections) GuardrailService.CountDetection(d, GuardrailStage.Output);
        // Positions refer to the segment, so they are dropped from the answer-wide record.
        _detections.AddRange(result.Detections.Select(d => d with { Start = 0, Length = 0 }));
        if (result.IsBlocked)
        {
            IsBlocked = true;
            _pending.Clear();
            return "";
        }
        _released.Append(result.Text);
        return result.Text;
    }

    /// <summary>How much of the buffer forms complete sentences: up to the last ., ! or ? followed by whitespace, or a newline; a long run without one is cut at a space.</summary>
    internal static int SentenceCut(StringBuilder buffer)
    {
        for (var i = buffer.Length - 2; i >= 0; i--)
        {
            var c = buffer[i];
            if (c == '\n') return i + 1;
            if (c is '.' or '!' or '?' && char.IsWhiteSpace(buffer[i + 1])) return i + 2;
        }
        if (buffer.Length > 0 && buffer[^1] == '\n') return buffer.Length;
        if (buffer.Length < MaxPending) return 0;
        for (var i = buffer.Length - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(buffer[i])) return i + 1;
        }
        return buffer.Length;
    }
}
