namespace Canopy.Rag.VectorStore;

/// <summary>SQLite's variable-length integers, as FTS5 stores its sizes: 7 bits a byte, high bit set while more follow, a ninth byte whole.</summary>
internal static class Varints
{
    public static List<long> Read(ReadOnlySpan<byte> bytes)
    {
        var values = new List<long>(4);
        var i = 0;
        while (i < bytes.Length) values.Add(Next(bytes, ref i));
        return values;
    }

    public static long Sum(ReadOnlySpan<byte> bytes)
    {
        var sum = 0L;
        var i = 0;
        while (i < bytes.Length) sum += Next(bytes, ref i);
        return sum;
    }

    public static long Next(ReadOnlySpan<byte> bytes, ref int i)
    {
        var value = 0L;
        for (var n = 0; i < bytes.Length; n++)
        {
            var b = bytes[i++];
            if (n == 8) return (value << 8) | b;
            value = (value << 7) | (long)(b & 0x7f);
            if ((b & 0x80) == 0) return value;
        }
        return value;
    }
}
