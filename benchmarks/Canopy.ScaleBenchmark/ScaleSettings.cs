namespace Canopy.ScaleBenchmark;

public sealed record ScaleSettings(IReadOnlyList<int> Sizes, int Queries, string? DataPath, int Seed, double? KeywordPostingsShare, int Turns = 0, int WarmupTurns = 0, CorpusWords Words = CorpusWords.English, ServiceCpus? ServiceCpus = null)
{
    public const int Dimensions = 384;
    public const int ChunksPerDocument = 10;

    public static ServiceCpus? ParseCpus(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], out var rag) && int.TryParse(parts[1], out var api) && rag >= 0 && api >= 0
            ? new ServiceCpus(rag, api) : null;
    }

    public static IReadOnlyList<int>? ParseSizes(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, out var size) || size < ChunksPerDocument || (sizes.Count > 0 && size <= sizes[^1])) return null;
            sizes.Add(size);
        }
        return sizes.Count == 0 ? null : sizes;
    }
}

/// <summary>The CPU each service of a turn measurement is bound to.</summary>
public sealed record ServiceCpus(int Rag, int Api);
