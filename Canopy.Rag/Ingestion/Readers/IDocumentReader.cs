namespace Canopy.Rag.Ingestion.Readers;

/// <summary>Turns the bytes of one file format into text the chunker understands (Markdown headings and paragraphs).</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader handles, with the dot, lower case.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Extracts the document; throws <see cref="InvalidDataException"/> (or the format library's error) for a broken file.</summary>
    ExtractedDocument Read(byte[] content, string fileName);
}

/// <summary>What a reader found: metadata when the format carries it, and the body as Markdown.</summary>
public sealed record ExtractedDocument(string? Title, string? Course, string? Kind, string Body);
