using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails.Learning;

/// <summary>Hashed character 2–5-grams and word 1–2-grams of the deobfuscated text, L2-normalised (the hash is stable across runs).</summary>
public static class NgramFeatures
{
    public static (int[] Indices, float[] Values) Extract(string text, int buckets)
    {
        var plain = " " + TextNormalizer.Deobfuscate(text) + " ";
        var counts = new Dictionary<int, float>();
        void Add(ReadOnlySpan<char> gram, uint salt)
        {
            var index = (int)(Fnv1a(gram, salt) % (uint)buckets);
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }
        for (var n = 2; n <= 5; n++)
        {
            for (var i = 0; i + n <= plain.Length; i++) Add(plain.AsSpan(i, n), (uint)n);
        }
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!', '?', ':', ';', '"', '\'', '(', ')')).Where(w => w.Length > 0).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            Add(words[i], 11);
            if (i + 1 < words.Length) Add(words[i] + " " + words[i + 1], 12);
        }
        var norm = MathF.Sqrt(counts.Values.Sum(v => v * v));
        var ordered = counts.OrderBy(kv => kv.Key).ToArray();
        return ([.. ordered.Select(kv => kv.Key)], [.. ordered.Select(kv => norm > 0 ? kv.Value / norm : 0f)]);
    }

    private static uint Fnv1a(ReadOnlySpan<char> text, uint salt)
    {
        var hash = 2166136261u ^ salt;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }
}
