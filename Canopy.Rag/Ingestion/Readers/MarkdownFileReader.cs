using Canopy.Rag.Ingestion.Limits;

namespace Canopy.Rag.Ingestion.Readers;

/// <summary>Markdown with optional front matter (title, course, kind); the body is kept as written.</summary>
public sealed class MarkdownFileReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    public ExtractedDocument Read(byte[] content, string fileName, ExtractionBudget budget)
    {
        var parsed = MarkdownDocumentReader.Read(MarkdownDocumentReader.IdFromPath(fileName), fileName, DocumentReaders.DecodeText(content, budget), "");
        return new ExtractedDocument(parsed.Title, parsed.Course, parsed.Kind, parsed.Body);
    }
}
