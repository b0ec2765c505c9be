namespace Canopy.LoadTest;

/// <summary>What one concurrency level produced: answered turns (their percentiles), errors and sheds counted apart.</summary>
public sealed record LevelResult(int Concurrency, TimeSpan Elapsed, IReadOnlyList<TurnOutcome> Outcomes)
{
    public IReadOnlyList<TurnOutcome> Answered => [.. Outcomes.Where(o => o.Kind == TurnKind.Answered)];
    public int Errors => Outcomes.Count(o => o.Kind == TurnKind.Error);
    public int Sheds => Outcomes.Count(o => o.Kind == TurnKind.Shed);
    public double Throughput => Answered.Count / Elapsed.TotalSeconds;

    public double TurnPercentile(double p) => Percentile(Answered.Select(o => o.Total.TotalSeconds), p);
    public double FirstEventPercentile(double p) => Percentile(Answered.Select(o => o.FirstEvent!.Value.TotalSeconds), p);
    public double FirstDeltaPercentile(double p) => Percentile(Answered.Where(o => o.FirstDelta is not null).Select(o => o.FirstDelta!.Value.TotalSeconds), p);

    public IEnumerable<(string Reason, int Count)> ErrorReasons =>
        Outcomes.Where(o => o.Kind == TurnKind.Error).GroupBy(o => o.Reason ?? "?").Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2);

    public string Summary() =>
        $"c={Concurrency}: {Answered.Count} answered, {Errors} errors, {Sheds} shed, {Throughput:0.0} turns/s, " +
        $"p50 {TurnPercentile(50):0.000} s, p95 {TurnPercentile(95):0.000} s, p99 {TurnPercentile(99):0.000} s";

    /// <summary>Nearest-rank percentile; NaN when nothing was answered.</summary>
    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
