using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Log records written inside <see cref="Of"/> belong to the given span instead of the current one, even when that span
/// has ended: an evaluation of an answer is reported on the answer's span after the answer is done.
/// </summary>
public static class SpanLogContext
{
    private static readonly AsyncLocal<ActivityContext?> Reported = new();

    /// <summary>Until disposed, log records written by this flow carry <paramref name="span"/>'s trace and span id.</summary>
    public static IDisposable Of(ActivityContext span)
    {
        var previous = Reported.Value;
        Reported.Value = span;
        return new Restore(previous);
    }

    internal static ActivityContext? Current => Reported.Value;

    private sealed class Restore(ActivityContext? previous) : IDisposable
    {
        public void Dispose() => Reported.Value = previous;
    }
}

/// <summary>Gives a log record the span <see cref="SpanLogContext"/> names; it runs before the exporters, which only read.</summary>
internal sealed class SpanLogContextProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (SpanLogContext.Current is not { } span) return;
        data.TraceId = span.TraceId;
        data.SpanId = span.SpanId;
        data.TraceFlags = span.TraceFlags;
    }
}
