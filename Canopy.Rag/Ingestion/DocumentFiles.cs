using System.Security.Cryptography;
using System.Text;
using Canopy.Rag.Ingestion.Limits;
using Canopy.Rag.Ingestion.Readers;
using Canopy.Embeddings;

namespace Canopy.Rag.Ingestion;

/// <summary>Reads a file of a folder into a <see cref="SourceDocument"/>; the hash covers the raw bytes, so unchanged files are never parsed.</summary>
public static class DocumentFiles
{
    public static string HashOf(byte[] content)
    {
        using var sha = Start();
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The same hash as <see cref="HashOf"/>, streamed, so hashing a large file does not load it.</summary>
    public static async Task<string> HashFileAsync(string file, CancellationToken cancellationToken)
    {
        using var sha = Start();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0) sha.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static SourceDocument Read(FolderSource folder, string file, byte[] content) => Read(folder, file, content, ExtractionBudget.Default);

    public static SourceDocument Read(FolderSource folder, string file, byte[] content, ExtractionBudget budget)
    {
        if (content.Length > budget.Limits.MaxFileBytes) throw DocumentLimitException.FileTooLarge(content.Length, budget.Limits.MaxFileBytes);
        var reader = DocumentReaders.For(file) ?? throw new InvalidDataException($"No reader handles {Path.GetExtension(file)} files.");
        var extracted = reader.Read(content, Path.GetFileName(file), budget);
        return new SourceDocument(folder.IdOf(file), extracted.Title ?? DocumentReaders.TitleFromFileName(file), folder.SourceOf(file),
            extracted.Course, extracted.Kind, extracted.Body, HashOf(content));
    }

    public static async Task<SourceDocument> ReadAsync(FolderSource folder, string file, CancellationToken cancellationToken) =>
        Read(folder, file, await File.ReadAllBytesAsync(file, cancellationToken));

    private static IncrementalHash Start()
    {
        var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(IngestionVersion.Salt + "\n"));
        return sha;
    }
}

/// <summary>Part of every content hash: changing the chunker, the readers or the model re-ingests everything once.</summary>
public static class IngestionVersion
{
    public const string Salt = "chunker-v1|" + MiniLmEmbeddingGenerator.ModelId;
}
