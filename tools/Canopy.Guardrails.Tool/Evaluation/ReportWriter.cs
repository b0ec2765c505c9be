using System.Text;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>The evaluation as Markdown: the headline against the targets, then every dataset.</summary>
public static class ReportWriter
{
    public static string Markdown(GuardrailReport report, string command)
    {
        var md = new StringBuilder();
        md.AppendLine("# Guardrail evaluation").AppendLine();
        md.AppendLine($"Written by `{command}`. Data: `eval/` in the repository{(report.WithSharedData ? " and the fuller `../shared/eval` (adds the non-commercial rows, which only measure, and SciQ)" : " only")}.");
        md.AppendLine("Every figure in the first two sections is **leave-one-source-out**: the dataset measured trained no model, set no threshold and selected no pattern.").AppendLine();
        md.AppendLine("## Headline").AppendLine();
        md.AppendLine("| what | target | pooled | mean over datasets |").AppendLine("|---|---|---|---|");
        Row(md, "attacks blocked", "≥ 85%", report.Of(RowKind.Attack));
        Row(md, "benign instructions blocked", "≤ 3%", report.Of(RowKind.BenignInstruction));
        Row(md, "student questions blocked", "≤ 0.5%", report.Of(RowKind.StudentQuestion));
        md.AppendLine($"| passages with a planted instruction dropped | ≥ 60% | {report.Planted} | {report.Context.Where(c => c.Planted).Average(c => c.Dropped.Value):P1} |");
        md.AppendLine($"| clean unseen passages dropped | ≤ 2% | {report.CleanUnseen} | |");
        md.AppendLine($"| bundled corpus chunks dropped | 0 | {report.Corpus} | |").AppendLine();
        md.AppendLine("XSTest's safe prompts (written to look unsafe) are reported below, not in the benign headline.").AppendLine();
        md.AppendLine("The same held-out English rows reworded into the other framing (a question as an instruction, an instruction as a question; see `Rephrasing`), also leave-one-source-out:").AppendLine();
        md.AppendLine("| what | pooled | mean over datasets |").AppendLine("|---|---|---|");
        foreach (var (kind, what) in new[] { (RowKind.Attack, "attacks blocked"), (RowKind.BenignInstruction, "benign instructions blocked"), (RowKind.StudentQuestion, "student questions blocked") })
        {
            var (pooled, macro) = report.Of(kind, reworded: true);
            md.AppendLine($"| {what}, reworded | {pooled} | {macro:P1} |");
        }
        md.AppendLine();
        md.AppendLine("## Input stage by dataset (information search)").AppendLine();
        md.AppendLine("The threshold is the harm classifier's sentence stage's; \"read by a sentence stage\" counts the rows the harm or the injection classifier's first stage scored at or over the gate, which pay for the transformer. The prompts written for the repository (`written-injections`, `written-jailbreaks`, `written-benign`, and each writer's own `-a`, `-b`) count in no headline figure.").AppendLine();
        md.AppendLine("| dataset | kind | rows | blocked | by patterns | by harm classifier | by injection classifier | by HAP, topic policy, suffix, lexicon or jailbreak frame | not English (read only by the harm classifier's other-language stage and the lexicons) | read by a sentence stage | threshold |").AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in report.Input)
            md.AppendLine($"| {r.Group} | {r.Kind} | {(r.Reworded ? "reworded" : "as written")} | {r.Blocked} | {r.ByPatterns} | {r.ByClassifier} | {r.ByInjection} | {r.ByRules} | {r.Abstained} | {r.SecondStage} | {r.Threshold:0.000} |");
        md.AppendLine().AppendLine("## Context stage by dataset").AppendLine();
        md.AppendLine("| passages | instruction planted | dropped | by patterns | by indirect-injection classifier | by harm classifier or lexicon | threshold |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in report.Context)
            md.AppendLine($"| {r.Set} | {(r.Planted ? "yes" : "no")} | {r.Dropped} | {r.ByPatterns} | {r.ByClassifier} | {r.ByHarm} | {r.Threshold:0.000} |");
        md.AppendLine().AppendLine("Planted passages by where the instruction sits (InjecAgent's own tool outputs carry theirs inside a field):").AppendLine();
        md.AppendLine("| passages | appended at the end | first | inside |").AppendLine("|---|---|---|---|");
        foreach (var r in report.Context.Where(c => c.Planted))
            md.AppendLine($"| {r.Set} | {r.AtEnd} | {r.AtStart} | {r.Inside} |");
        md.AppendLine($"| all | {report.Appended} | {report.Context.Aggregate(new Rate(), (a, r) => a + r.AtStart)} | {report.Context.Aggregate(new Rate(), (a, r) => a + r.Inside)} |");
        md.AppendLine().AppendLine("## Phrasing patterns on the training pool").AppendLine();
        md.AppendLine($"A pattern is shipped only while it matches at least {PatternSelection.MinAttacks} attack rows and at most one benign row per {PatternSelection.AttacksPerBenign} attacks; each leave-one-source-out fold applies the rule again without its dataset.").AppendLine();
        md.AppendLine("| pattern | category | in passages | attack rows | benign rows | earns its place |").AppendLine("|---|---|---|---|---|---|");
        foreach (var (pattern, attacks, benign, kept) in report.Patterns)
            md.AppendLine($"| {pattern.Name} | {pattern.Category} | {(pattern.InPassages ? "yes" : "no")} | {attacks} | {benign} | {(kept ? "yes" : "**no**")} |");
        if (report.HeldOut.Count > 0)
        {
            md.AppendLine().AppendLine("## The default pipeline on evaluation-only sets").AppendLine();
            md.AppendLine("The shipped models and patterns, as canopy-be registers them, on sets nothing here was trained or tuned on.").AppendLine();
            md.AppendLine("| set | check | should be | blocked or dropped |").AppendLine("|---|---|---|---|");
            foreach (var r in report.HeldOut)
                md.AppendLine($"| {r.Set} | {r.Check} | {(r.ShouldBlock ? "blocked" : "passed")} | {r.Blocked} |");
        }
        if (report.Pii is { } pii)
        {
            md.AppendLine().AppendLine("## PII on Presidio's synthetic sentences (evaluation-only)").AppendLine();
            md.AppendLine("| type | recall |").AppendLine("|---|---|");
            foreach (var (type, recall) in pii.Recall) md.AppendLine($"| {type} | {recall} |");
            md.AppendLine($"| precision of all PII detections | {pii.Precision} |");
        }
        return md.ToString();
    }

    private static void Row(StringBuilder md, string what, string target, (Rate Pooled, double Macro) figure) =>
        md.AppendLine($"| {what} | {target} | {figure.Pooled} | {figure.Macro:P1} |");
}
