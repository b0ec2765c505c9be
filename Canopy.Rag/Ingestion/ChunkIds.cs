using System.Security.Cryptography;
using System.Text;

namespace Canopy.Rag.Ingestion;

/// <summary>Chunk ids derive from content, so re-ingesting the same text yields the same ids (idempotent upserts).</summary>
public static class ChunkIds
{
    public static string For(string documentId, TextChunk chunk)
    {
        var bytes = Encoding.UTF8.GetBytes($"{documentId}\n{chunk.Ordinal}\n{chunk.HeadingPath}\n{chunk.Text}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }
}
