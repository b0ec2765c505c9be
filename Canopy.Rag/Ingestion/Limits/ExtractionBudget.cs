namespace Canopy.Rag.Ingestion.Limits;

/// <summary>What a reader may still use while it extracts one document: characters of text, and time (its token).</summary>
public sealed class ExtractionBudget(IngestionLimits limits, CancellationToken cancellationToken)
{
    private long _characters;

    /// <summary>The default limits, no deadline: for tools and tests that read one file.</summary>
    public static ExtractionBudget Default => new(new IngestionLimits(), CancellationToken.None);

    public IngestionLimits Limits => limits;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Counts text a reader is about to keep; throws once the document holds more than the limit.</summary>
    public void Take(int characters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _characters += characters;
        if (_characters > limits.MaxExtractedCharacters) throw DocumentLimitException.TooMuchText(limits.MaxExtractedCharacters);
    }

    public void ThrowIfCancellationRequested() => cancellationToken.ThrowIfCancellationRequested();
}
