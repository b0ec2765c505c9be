using System.Collections.Concurrent;
using System.Diagnostics;

namespace Canopy.TestUtilities.Telemetry;

/// <summary>Collects the finished spans of Canopy's sources and of Microsoft.Extensions.AI's OpenTelemetry clients.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Canopy.", StringComparison.Ordinal) || source.Name.StartsWith("Experimental.Microsoft.Extensions.AI", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentBag<Activity> Spans { get; } = [];

    /// <summary>The one span of that name in the given trace.</summary>
    public Activity Single(string name, ActivityTraceId trace) => Assert.Single(Spans, s => s.DisplayName == name && s.TraceId == trace);

    public void Dispose() => _listener.Dispose();
}
