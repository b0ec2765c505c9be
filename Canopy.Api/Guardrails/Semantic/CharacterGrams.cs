using System.Globalization;
using System.Text;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A text in any script as a sparse vector: each word (a run of letters, marks and digits) and its character n-grams of
/// two to four with the word's edges marked, hashed into <see cref="Buckets"/>, log-counted and scaled to unit length.
/// The features of <see cref="OtherLanguageStage"/>: the token vectors are English, these need no vocabulary, and a
/// script written without spaces (Chinese, Japanese, Thai) is read through its n-grams.
/// </summary>
public static class CharacterGrams
{
    public const int Buckets = 1 << 15;

    private const int MinGram = 2;
    private const int MaxGram = 4;

    public static SparseVector Of(string text)
    {
        var counts = new Dictionary<int, int>();
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && IsWordChar(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                AddWord(folded.AsSpan(start, i - start), counts);
                start = -1;
            }
        }
        var indices = counts.Keys.Order().ToArray();
        var values = new float[indices.Length];
        double norm = 0;
        for (var k = 0; k < indices.Length; k++)
        {
            values[k] = MathF.Log(1 + counts[indices[k]]);
            norm += values[k] * values[k];
        }
        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < values.Length; k++) values[k] *= scale;
        }
        return new SparseVector(indices, values);
    }

    // Lower case, compatibility forms (full-width Latin, ligatures) folded, every digit one digit: a number is a number.
    private static string Fold(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal) builder.Append(char.IsDigit(c) ? '0' : c);
        return builder.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static void AddWord(ReadOnlySpan<char> word, Dictionary<int, int> counts)
    {
        // The word itself, where it is short enough to be one (a run of Chinese can be a whole clause).
        if (word.Length <= 20) Add(Hash(word, 1), counts);
        Span<char> padded = word.Length + 2 <= 512 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
        padded[0] = '\u0002';
        word.CopyTo(padded[1..]);
        padded[^1] = '\u0003';
        for (var n = MinGram; n <= MaxGram; n++)
            for (var i = 0; i + n <= padded.Length; i++)
                Add(Hash(padded.Slice(i, n), (uint)n + 1), counts);
    }

    private static void Add(int bucket, Dictionary<int, int> counts) => counts[bucket] = counts.GetValueOrDefault(bucket) + 1;

    // FNV-1a, seeded by the kind of feature: stable across runs and platforms, unlike string.GetHashCode.
    private static int Hash(ReadOnlySpan<char> chars, uint seed)
    {
        var hash = 2166136261u ^ (seed * 16777619u);
        foreach (var c in chars)
        {
            hash = (hash ^ (c & 0xFFu)) * 16777619u;
            hash = (hash ^ (uint)(c >> 8)) * 16777619u;
        }
        return (int)(hash & (Buckets - 1));
    }
}

/// <summary>A sparse vector: ascending indices and their values.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public double Dot(ReadOnlySpan<float> weights)
    {
        double sum = 0;
        for (var k = 0; k < Indices.Length; k++) sum += weights[Indices[k]] * Values[k];
        return sum;
    }
}
