using System.Globalization;
using System.Text;
using Canopy.Contracts.Evaluations;

namespace Canopy.Eval.Tool;

/// <summary>Plain-text tables for the terminal.</summary>
public static class Report
{
    public const string ExtractiveNote = "Answered by the extractive provider (no generative model): the model-judged metrics were not run.";

    public static string Metrics(EvaluationRunDetail detail)
    {
        var run = detail.Run;
        var rows = run.Metrics.Select(m => new[] { m.Name, F(m.Mean), $"{m.Passed}/{m.Count}" }).ToList();
        var text = new StringBuilder(Table(["metric", "mean", "passed"], rows));
        text.AppendLine().Append(CultureInfo.InvariantCulture, $"score {(run.Score is { } s ? F(s) : "-")} over {run.Done} of {run.Cases} cases ({run.Status})");
        if (run.Provider == "extractive") text.AppendLine().Append(ExtractiveNote);
        var failed = detail.Results.Where(r => r.Scores.Any(s => s.Label is "fail" or "error")).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine().AppendLine().AppendLine("Cases with a failed score:");
            foreach (var result in failed)
                foreach (var score in result.Scores.Where(s => s.Label is "fail" or "error"))
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {result.CaseId} {score.Name} {score.Label}: {score.Explanation} (trace {result.TraceId})");
        }
        return text.ToString().TrimEnd();
    }

    public static string Sets(IEnumerable<EvaluationSetInfo> sets) =>
        Table(["set", "source", "cases", "description"], [.. sets.Select(s => new[] { s.Name, s.Source, s.Cases.ToString(CultureInfo.InvariantCulture), s.Description ?? "" })]);

    public static string Runs(IEnumerable<EvaluationRunInfo> runs) =>
        Table(["run", "feature", "version", "set", "status", "done", "provider", "score"], [.. runs.Select(r => new[]
        {
            r.Id.ToString(CultureInfo.InvariantCulture), r.Feature, r.Version.ToString(CultureInfo.InvariantCulture), r.Set, r.Status,
            $"{r.Done}/{r.Cases}", r.Provider, r.Score is { } s ? F(s) : "-",
        })]);

    internal static string Table(string[] head, IReadOnlyList<string[]> rows)
    {
        var widths = head.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(head)) text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString().TrimEnd();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
