using System.Globalization;
using Canopy.Api.Guardrails;

namespace Canopy.Guardrails.Tool.Checking;

/// <summary>What <c>check</c> prints: a line per text shown, then the shares of each decision.</summary>
public static class CheckReport
{
    private const int Shown = 100;

    /// <summary>"line 3  Block  harm_classifier/violent_crimes 0.994 block; …  How do I …"</summary>
    public static string Line(CheckedText text, GuardrailResult result)
    {
        var detections = result.Detections.Count == 0 ? "no detection"
            : string.Join("; ", result.Detections.Select(d => string.Create(CultureInfo.InvariantCulture,
                $"{d.Detector}/{d.Category} {d.Score:0.000} {d.Action.ToString().ToLowerInvariant()}")));
        return $"{text.Where,-10} {result.Decision,-6} {detections}  {Excerpt(text.Text)}";
    }

    public static IEnumerable<string> Summary(CheckRun run, string settings)
    {
        yield return $"{run.Texts.Count:N0} text{(run.Texts.Count == 1 ? "" : "s")}, {run.Stage.ToString().ToLowerInvariant()} stage, {run.Feature}, {settings}:";
        yield return $"  blocked {run.Share(GuardrailDecision.Block)}, flagged {run.Share(GuardrailDecision.Flag)}, " +
                     $"redacted {run.Share(GuardrailDecision.Redact)}, allowed {run.Share(GuardrailDecision.Allow)}";
        var blockers = run.Blockers().ToList();
        if (blockers.Count > 0) yield return $"  texts each detector would block: {string.Join(", ", blockers.Select(b => $"{b.Detector} {b.Texts:N0}"))}";
        foreach (var (group, blocked) in run.BlockedByGroup())
            yield return $"  {group}: blocked {blocked}";
    }

    private static string Excerpt(string text)
    {
        var line = string.Join(" ⏎ ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= Shown ? line : string.Concat(line.AsSpan(0, Shown), "…");
    }
}
