namespace Canopy.Contracts.Search;

/// <summary>
/// One ranked chunk of a course document, as canopy-rag finds it and canopy-be uses it: where it comes from, its text,
/// its fused score and (when vector search ran) its cosine similarity.
/// </summary>
public sealed record Passage(
    int Rank, string ChunkId, string DocumentId, string Title, string Source, string? Course, string HeadingPath, string Text,
    double Score, double? VectorScore);
