using System.Buffers;
using System.IO.Compression;

namespace Canopy.Rag.Ingestion.Limits;

/// <summary>
/// Checks an Office (OpenXML zip) file before any parser sees it: entry count, declared sizes and ratios, then every entry
/// decompressed for real into a counter, since a crafted archive can declare small sizes and inflate far beyond them.
/// </summary>
public static class ArchiveGuard
{
    // Below this an entry cannot hurt whatever its ratio; short XML parts compress very well.
    private const long RatioFloorBytes = 1024 * 1024;

    public static void Check(byte[] content, ExtractionBudget budget)
    {
        var limits = budget.Limits;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"The file is not a valid zip archive, so not an Office document: {ex.Message}", ex);
        }

        using (archive)
        {
            if (archive.Entries.Count > limits.MaxArchiveEntries) throw DocumentLimitException.TooManyEntries(archive.Entries.Count, limits.MaxArchiveEntries);
            long declared = 0;
            foreach (var entry in archive.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxDecompressedBytes) throw DocumentLimitException.DecompressesTooFar(limits.MaxDecompressedBytes);
                if (TooCompressed(entry.Length, entry.CompressedLength, limits)) throw DocumentLimitException.CompressedTooWell(entry.FullName, limits.MaxCompressionRatio);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                long total = 0;
                foreach (var entry in archive.Entries)
                {
                    using var stream = entry.Open();
                    long inEntry = 0;
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        budget.ThrowIfCancellationRequested();
                        inEntry += read;
                        total += read;
                        if (total > limits.MaxDecompressedBytes) throw DocumentLimitException.DecompressesTooFar(limits.MaxDecompressedBytes);
                        if (TooCompressed(inEntry, entry.CompressedLength, limits)) throw DocumentLimitException.CompressedTooWell(entry.FullName, limits.MaxCompressionRatio);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static bool TooCompressed(long length, long compressed, IngestionLimits limits) =>
        length > RatioFloorBytes && length > Math.Max(compressed, 1) * limits.MaxCompressionRatio;
}
