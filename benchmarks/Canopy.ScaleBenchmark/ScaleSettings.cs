namespace Canopy.ScaleBenchmark;

public sealed record ScaleSettings(IReadOnlyList<int> Sizes, int Queries, string? DataPath, int Seed, double? KeywordPostingsShare, int Turns = 0)
{
    public const int Dimensions = 384;
    public const int ChunksPerDocument = 10;

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
