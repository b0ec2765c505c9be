using System.Text.Json;

namespace Canopy.TestUtilities.AppHost;

/// <summary>One span of an OTLP JSON trace as the Aspire dashboard serves it.</summary>
public sealed record TraceSpan(string Service, string Name, string SpanId, string? ParentSpanId, long StartNanos, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The OTLP span kind: 1 internal, 2 server, 3 client.</summary>
    public int Kind { get; init; }

    /// <summary>The span's events: name and attributes.</summary>
    public IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Attributes)> Events { get; init; } = [];

    /// <summary>What the Aspire dashboard's GenAI view lists: spans naming a GenAI provider.</summary>
    public bool IsGenAiCall => Attributes.ContainsKey("gen_ai.provider.name") || Attributes.ContainsKey("gen_ai.system");

    public static IReadOnlyList<TraceSpan> Parse(JsonElement body)
    {
        var spans = new List<TraceSpan>();
        foreach (var resourceSpans in body.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = ReadAttributes(resourceSpans.GetProperty("resource")).GetValueOrDefault("service.name", "?");
            foreach (var scope in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    var parent = span.TryGetProperty("parentSpanId", out var p) && p.GetString() is { Length: > 0 } id ? id : null;
                    spans.Add(new TraceSpan(service, span.GetProperty("name").GetString()!, span.GetProperty("spanId").GetString()!, parent,
                        long.Parse(span.GetProperty("startTimeUnixNano").GetString()!), ReadAttributes(span))
                    {
                        Kind = span.TryGetProperty("kind", out var kind) ? ReadKind(kind) : 0,
                        Events = span.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array
                            ? [.. events.EnumerateArray().Select(e => (e.GetProperty("name").GetString()!, (IReadOnlyDictionary<string, string>)ReadAttributes(e)))]
                            : [],
                    });
                }
            }
        }
        return spans;
    }

    private static int ReadKind(JsonElement kind) => kind.ValueKind == JsonValueKind.Number ? kind.GetInt32() : kind.GetString() switch
    {
        "SPAN_KIND_INTERNAL" => 1,
        "SPAN_KIND_SERVER" => 2,
        "SPAN_KIND_CLIENT" => 3,
        _ => 0,
    };

    private static Dictionary<string, string> ReadAttributes(JsonElement element)
    {
        var attributes = new Dictionary<string, string>();
        if (!element.TryGetProperty("attributes", out var list)) return attributes;
        foreach (var attribute in list.EnumerateArray())
        {
            var value = attribute.GetProperty("value").EnumerateObject().FirstOrDefault();
            attributes[attribute.GetProperty("key").GetString()!] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.ToString();
        }
        return attributes;
    }
}

public static class TraceSpanExtensions
{
    public static TraceSpan Single(this IReadOnlyList<TraceSpan> spans, string service, string name, Func<TraceSpan, bool>? where = null) =>
        spans.SingleOrDefault(s => s.Service == service && s.Name == name && (where is null || where(s)))
        ?? throw new Xunit.Sdk.XunitException($"No single {service}/{name} span in: {string.Join(", ", spans.Select(s => $"{s.Service}/{s.Name}"))}");

    /// <summary>Whether <paramref name="span"/> lies under <paramref name="ancestor"/>, at any depth.</summary>
    public static bool IsUnder(this IReadOnlyList<TraceSpan> spans, TraceSpan span, TraceSpan ancestor)
    {
        for (var current = span; current.ParentSpanId is { } parent;)
        {
            if (parent == ancestor.SpanId) return true;
            if (spans.FirstOrDefault(s => s.SpanId == parent) is not { } next) return false;
            current = next;
        }
        return false;
    }

    public static void AssertChildOf(this TraceSpan child, TraceSpan parent) =>
        Assert.True(child.ParentSpanId == parent.SpanId, $"{child.Service}/{child.Name} should be a child of {parent.Service}/{parent.Name}");
}
