namespace Canopy.Rag.Ingestion;

/// <summary>A document read from a file, before chunking: its metadata and its Markdown body.</summary>
public sealed record SourceDocument(string Id, string Title, string Source, string? Course, string? Kind, string Body, string ContentHash);
