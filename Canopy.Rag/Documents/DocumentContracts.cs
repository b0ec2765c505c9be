namespace Canopy.Rag.Documents;

/// <summary>One document as the UI lists it; <c>status</c> is queued, ingesting, ready or failed.</summary>
public sealed record DocumentInfo(
    string Id, string Title, string Source, string? Course, string? Kind, string Status, int Progress, string? Error, int Chunks,
    DateTimeOffset UpdatedAt);

public static class DocumentStatus
{
    public const string Queued = "queued";
    public const string Ingesting = "ingesting";
    public const string Ready = "ready";
    public const string Failed = "failed";
}
