using System.Buffers.Binary;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// One vector per WordPiece token of all-MiniLM-L6-v2: the model's own mean-pooled output for that token alone,
/// projected and stored as int8 with a scale per row, plus a weight per token that damps very common tokens.
/// Pooling these costs microseconds where running the transformer costs about a millisecond per token.
/// </summary>
public sealed class TokenVectors
{
    private const uint Magic = 0x31565443; // "CTV1"

    private readonly sbyte[] _values;
    private readonly float[] _scales;
    private readonly float[] _weights;

    public TokenVectors(int dimensions, sbyte[] values, float[] scales, float[] weights)
    {
        if (values.Length != scales.Length * dimensions || weights.Length != scales.Length)
            throw new ArgumentException("The vector table's parts disagree in size.");
        Dimensions = dimensions;
        _values = values;
        _scales = scales;
        _weights = weights;
    }

    public int Dimensions { get; }

    public int Count => _scales.Length;

    /// <summary>Adds the weighted vector of every token to <paramref name="sum"/> and returns the total weight.</summary>
    public float Accumulate(IReadOnlyList<int> ids, Span<float> sum)
    {
        var dims = Dimensions;
        Span<float> row = stackalloc float[dims];
        float total = 0;
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)_scales.Length) continue;
            var weight = _weights[id];
            if (weight == 0) continue;
            total += weight;
            var values = _values.AsSpan(id * dims, dims);
            System.Numerics.Tensors.TensorPrimitives.ConvertChecked<sbyte, float>(values, row);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(row, _scales[id] * weight, sum, sum);
        }
        return total;
    }

    public static TokenVectors Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static TokenVectors Read(Stream stream)
    {
        using var reader = new BinaryReader(stream);
        if (reader.ReadUInt32() != Magic) throw new InvalidDataException("Not a Canopy token-vector file.");
        var count = reader.ReadInt32();
        var dims = reader.ReadInt32();
        if (count <= 0 || dims <= 0 || (long)count * dims > 64_000_000) throw new InvalidDataException("The token-vector file has an impossible size.");
        var scales = ReadFloats(reader, count);
        var weights = ReadFloats(reader, count);
        var values = new sbyte[count * dims];
        var bytes = reader.ReadBytes(values.Length);
        if (bytes.Length != values.Length) throw new InvalidDataException("The token-vector file is truncated.");
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return new TokenVectors(dims, values, scales, weights);
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Count);
        writer.Write(Dimensions);
        foreach (var s in _scales) writer.Write(s);
        foreach (var w in _weights) writer.Write(w);
        var bytes = new byte[_values.Length];
        Buffer.BlockCopy(_values, 0, bytes, 0, bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>Quantises float rows to int8 with one scale per row.</summary>
    public static TokenVectors Quantise(float[][] rows, float[] weights)
    {
        var dims = rows[0].Length;
        var values = new sbyte[rows.Length * dims];
        var scales = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var peak = rows[i].Max(Math.Abs);
            var scale = peak > 0 ? peak / 127f : 1f;
            scales[i] = scale;
            for (var k = 0; k < dims; k++) values[i * dims + k] = (sbyte)Math.Clamp(MathF.Round(rows[i][k] / scale), -127, 127);
        }
        return new TokenVectors(dims, values, scales, weights);
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count * 4);
        if (bytes.Length != count * 4) throw new InvalidDataException("The token-vector file is truncated.");
        var result = new float[count];
        for (var i = 0; i < count; i++) result[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return result;
    }
}
