namespace Canopy.Rag.Ingestion;

/// <summary>A piece of a document: its heading path ("Title > Section > Subsection"), text and size in tokens.</summary>
public sealed record TextChunk(int Ordinal, string HeadingPath, string Text, int Tokens)
{
    /// <summary>What is embedded: the heading path gives a short passage its context.</summary>
    public string EmbeddingText => $"{HeadingPath}\n{Text}";
}
