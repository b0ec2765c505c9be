using Canopy.Rag.Ingestion.Limits;

namespace Canopy.Rag.Ingestion.Readers;

/// <summary>Plain text: paragraphs are blank-line separated; a leading '#' is escaped so it never reads as a heading.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    public ExtractedDocument Read(byte[] content, string fileName, ExtractionBudget budget)
    {
        var lines = DocumentReaders.DecodeText(content, budget).Split('\n').Select(l => l.StartsWith('#') ? "\\" + l : l);
        return new ExtractedDocument(DocumentReaders.TitleFromFileName(fileName), null, null, string.Join('\n', lines));
    }
}
