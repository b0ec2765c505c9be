using System.Text.Json.Serialization;

namespace Canopy.Contracts.Documents;

/// <summary>One document as canopy-rag lists it; <see cref="Progress"/> is a whole percentage while it is ingested.</summary>
public sealed record DocumentInfo(
    string Id, string Title, string Source, string? Course, string? Kind, string Status, int Progress, string? Error, int Chunks,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Ready or failed: nothing more will happen to it without a new upload.</summary>
    [JsonIgnore]
    public bool IsSettled => Status is DocumentStatus.Ready or DocumentStatus.Failed;
}

public static class DocumentStatus
{
    public const string Queued = "queued";
    public const string Ingesting = "ingesting";
    public const string Ready = "ready";
    public const string Failed = "failed";
}
