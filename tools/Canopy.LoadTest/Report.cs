using System.Globalization;
using System.Text;

namespace Canopy.LoadTest;

/// <summary>The figures as a Markdown table for docs/benchmarks.md, with each level's p95 relative to the first level's.</summary>
public static class Report
{
    public static string Markdown(LoadSettings settings, IReadOnlyList<LevelResult> results)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Target {settings.Target}, feature {settings.Feature}, {settings.Duration.TotalSeconds:0} s per level after {settings.Warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| concurrent | answered | turns/s | p50 turn | p95 turn | p99 turn | p50 first event | p95 first event | p95 first text | errors | shed (429/503) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            text.AppendLine(c, $"| {r.Concurrency} | {r.Answered.Count} | {r.Throughput:0.0} | {r.TurnPercentile(50):0.000} s | {r.TurnPercentile(95):0.000} s | {r.TurnPercentile(99):0.000} s | {r.FirstEventPercentile(50):0.000} s | {r.FirstEventPercentile(95):0.000} s | {r.FirstDeltaPercentile(95):0.000} s | {r.Errors} | {r.Sheds} |");
        text.AppendLine();
        for (var i = 0; i < results.Count; i++)
            for (var j = i + 1; j < results.Count; j++)
                text.AppendLine(c, $"p95 at {results[j].Concurrency} / p95 at {results[i].Concurrency}: {results[j].TurnPercentile(95) / results[i].TurnPercentile(95):0.00}×");
        foreach (var r in results.Where(r => r.Errors > 0))
            text.AppendLine(c, $"errors at {r.Concurrency}: {string.Join("; ", r.ErrorReasons.Select(e => $"{e.Count}× {e.Reason}"))}");
        return text.ToString();
    }
}
