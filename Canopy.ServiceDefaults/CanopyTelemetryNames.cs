namespace Microsoft.Extensions.Hosting;

/// <summary>Telemetry names every service registers; each component's own names live next to it.</summary>
public static class CanopyTelemetryNames
{
    /// <summary>All Canopy activity sources start with this prefix (Canopy.Api, Canopy.Rag, Canopy.Web...).</summary>
    public const string SourcePattern = "Canopy.*";

    public const string MeterPattern = "Canopy.*";

    /// <summary>Microsoft.Extensions.AI's OpenTelemetry wrappers use this (experimental) source and meter.</summary>
    public const string ExtensionsAiPattern = "Experimental.Microsoft.Extensions.AI*";

    /// <summary>The MCP SDK's source and meter: client and server spans of each tool call (canopy-be, canopy-calendar).</summary>
    public const string McpName = "Experimental.ModelContextProtocol";

    public const string BlazorSource = "Microsoft.AspNetCore.Components*";

    /// <summary>When true, prompts, answers and retrieved text may be recorded on spans.</summary>
    public const string CaptureContentVariable = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";
}
