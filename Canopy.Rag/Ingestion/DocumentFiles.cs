using System.Security.Cryptography;
using System.Text;
using Canopy.Rag.Ingestion.Readers;

namespace Canopy.Rag.Ingestion;

/// <summary>Reads a file of a folder into a <see cref="SourceDocument"/>; the hash covers the raw bytes, so unchanged files are never parsed.</summary>
public static class DocumentFiles
{
    public static string HashOf(byte[] content)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(IngestionVersion.Salt + "\n"));
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static SourceDocument Read(FolderSource folder, string file, byte[] content)
    {
        var reader = DocumentReaders.For(file) ?? throw new InvalidDataException($"No reader handles {Path.GetExtension(file)} files.");
        var extracted = reader.Read(content, Path.GetFileName(file));
        return new SourceDocument(folder.IdOf(file), extracted.Title ?? DocumentReaders.TitleFromFileName(file), folder.SourceOf(file),
            extracted.Course, extracted.Kind, extracted.Body, HashOf(content));
    }

    public static async Task<SourceDocument> ReadAsync(FolderSource folder, string file, CancellationToken cancellationToken) =>
        Read(folder, file, await File.ReadAllBytesAsync(file, cancellationToken));
}

/// <summary>Part of every content hash: changing the chunker, the readers or the model re-ingests everything once.</summary>
public static class IngestionVersion
{
    public const string Salt = "chunker-v1|" + Embeddings.MiniLmEmbeddingGenerator.ModelId;
}
