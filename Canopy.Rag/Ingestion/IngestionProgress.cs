namespace Canopy.Rag.Ingestion;

/// <summary>The document being ingested right now and how far it is (embedded batches / total batches).</summary>
public sealed class IngestionProgress
{
    private volatile Current? _current;

    public sealed record Current(string DocumentId, int Percent);

    public Current? Now => _current;

    public void Start(string documentId) => _current = new Current(documentId, 0);

    public void Report(string documentId, int percent) => _current = new Current(documentId, Math.Clamp(percent, 0, 100));

    public void Finish() => _current = null;
}
