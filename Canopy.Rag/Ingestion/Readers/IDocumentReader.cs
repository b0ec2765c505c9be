using Canopy.Rag.Ingestion.Limits;

namespace Canopy.Rag.Ingestion.Readers;

/// <summary>Turns the bytes of one file format into text the chunker understands (Markdown headings and paragraphs).</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader handles, with the dot, lower case.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// Extracts the document within <paramref name="budget"/>; throws <see cref="InvalidDataException"/> (or the format library's error)
    /// for a broken file, <see cref="DocumentLimitException"/> for one over a limit.
    /// </summary>
    ExtractedDocument Read(byte[] content, string fileName, ExtractionBudget budget);
}

/// <summary>What a reader found: metadata when the format carries it, and the body as Markdown.</summary>
public sealed record ExtractedDocument(string? Title, string? Course, string? Kind, string Body);

public static class DocumentReaderExtensions
{
    /// <summary>Reads with the default limits and no deadline (tools and tests).</summary>
    public static ExtractedDocument Read(this IDocumentReader reader, byte[] content, string fileName) =>
        reader.Read(content, fileName, ExtractionBudget.Default);
}
