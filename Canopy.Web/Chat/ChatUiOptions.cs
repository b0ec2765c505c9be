namespace Canopy.Web.Chat;

public sealed class ChatUiOptions
{
    public const string Section = "Canopy";

    /// <summary>canopy-be's address; service discovery resolves the logical name.</summary>
    public string ApiUri { get; set; } = "https+http://canopy-be";

    /// <summary>canopy-rag's address, for the document library.</summary>
    public string RagUri { get; set; } = "https+http://canopy-rag";

    /// <summary>Link to one trace, with <c>{traceId}</c> in it: the Aspire dashboard locally, Tempo/Jaeger in a cluster.</summary>
    public string? TraceUrlTemplate { get; set; }

    public string? TraceUrl(string? traceId) =>
        string.IsNullOrEmpty(TraceUrlTemplate) || string.IsNullOrEmpty(traceId) ? null : TraceUrlTemplate.Replace("{traceId}", traceId, StringComparison.Ordinal);
}
