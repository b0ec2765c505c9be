namespace Canopy.Rag.Ingestion.Limits;

/// <summary>The document breaks one of <see cref="IngestionLimits"/>: its fault, so it is not retried until it changes.</summary>
public sealed class DocumentLimitException(string message) : Exception(message)
{
    private static string Setting(string name) => $"{IngestionLimits.Section}:{name}";

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes:N0} bytes";

    public static DocumentLimitException FileTooLarge(long bytes, long limit) =>
        new($"The file has {Size(bytes)}; at most {Size(limit)} are ingested ({Setting(nameof(IngestionLimits.MaxFileBytes))}).");

    public static DocumentLimitException TooManyPages(int pages, int limit) =>
        new($"The PDF has {pages:N0} pages; at most {limit:N0} are ingested ({Setting(nameof(IngestionLimits.MaxPdfPages))}).");

    public static DocumentLimitException TooManyEntries(int entries, int limit) =>
        new($"The file holds {entries:N0} archive entries; at most {limit:N0} are accepted ({Setting(nameof(IngestionLimits.MaxArchiveEntries))}).");

    public static DocumentLimitException DecompressesTooFar(long limit) =>
        new($"The file decompresses to more than {Size(limit)} ({Setting(nameof(IngestionLimits.MaxDecompressedBytes))}); it looks like a zip bomb.");

    public static DocumentLimitException CompressedTooWell(string entry, int limit) =>
        new($"The archive entry '{entry}' is compressed more than {limit}:1 ({Setting(nameof(IngestionLimits.MaxCompressionRatio))}); it looks like a zip bomb.");

    public static DocumentLimitException TooMuchText(int limit) =>
        new($"The document has more than {limit:N0} characters of text ({Setting(nameof(IngestionLimits.MaxExtractedCharacters))}).");

    public static DocumentLimitException TookTooLong(int seconds) =>
        new($"Ingesting the document took longer than {seconds} s ({Setting(nameof(IngestionLimits.DocumentTimeoutSeconds))}).");

    public static DocumentLimitException NeededTooMuchMemory(long limit) =>
        new($"Ingesting the document needed more than {Size(limit)} of memory ({Setting(nameof(IngestionLimits.MaxDocumentMemoryBytes))}).");

    public static DocumentLimitException GaveUp(int attempts, string? lastError) =>
        new($"Gave up after {attempts} attempts ({Setting(nameof(IngestionLimits.MaxAttempts))}): canopy-rag stopped while ingesting it each time" +
            (lastError is { Length: > 0 } ? $"; last error: {lastError}" : " (for example out of memory)."));
}
