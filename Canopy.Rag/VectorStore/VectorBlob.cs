using System.Runtime.InteropServices;

namespace Canopy.Rag.VectorStore;

/// <summary>A vector as SQLite stores it: its floats' bytes, little-endian as the machine writes them.</summary>
internal static class VectorBlob
{
    public static byte[] ToBytes(ReadOnlyMemory<float> vector) => MemoryMarshal.AsBytes(vector.Span).ToArray();

    public static float[] ToVector(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();
}
