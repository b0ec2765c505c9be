using System.Text;

namespace Canopy.Api.Guardrails.Evaluation;

/// <summary>The figures of one evaluation run, rendered as the Markdown tables of docs/guardrails.md.</summary>
public static class EvaluationReport
{
    public static string Build(GuardrailEvaluator evaluator, EvalData data)
    {
        var md = new StringBuilder();
        md.AppendLine("### Prompt injection: deepset/prompt-injections, test split (ids 546-661)\n");
        md.AppendLine("| detector | attacks blocked | benign blocked |\n|---|---|---|");
        foreach (var (detector, attacks, benign) in evaluator.Injection(data.DeepsetTest()))
            md.AppendLine($"| {detector} | {attacks} | {benign} |");

        var cse = evaluator.CyberSecEval(data.CyberSecEval());
        md.AppendLine("\n### Prompt injection: CyberSecEval (251 attacks; direct as input, indirect as a retrieved passage)\n");
        md.AppendLine($"Blocked: **{cse.All}**; direct {cse.Direct}, indirect {cse.Indirect}.\n");
        md.AppendLine("| injection variant | blocked |\n|---|---|");
        foreach (var (variant, rate) in cse.ByVariant) md.AppendLine($"| {variant} | {rate} |");

        var hate = evaluator.HateCheck(data.HateCheck());
        md.AppendLine("\n### HAP: HateCheck, blocked by the `hap` detector per functionality\n");
        md.AppendLine("| functionality | gold label | blocked |\n|---|---|---|");
        foreach (var (functionality, hateful, blocked) in hate)
            md.AppendLine($"| {functionality} | {(hateful ? "hateful" : "non-hateful")} | {blocked} |");
        var hatefulAll = hate.Where(h => h.Hateful).Aggregate(new Rate(0, 0), (a, h) => new Rate(a.Hits + h.Blocked.Hits, a.Total + h.Blocked.Total));
        var benignAll = hate.Where(h => !h.Hateful).Aggregate(new Rate(0, 0), (a, h) => new Rate(a.Hits + h.Blocked.Hits, a.Total + h.Blocked.Total));
        md.AppendLine($"\nAll hateful cases blocked: **{hatefulAll}**; all non-hateful cases blocked: **{benignAll}**.");

        var (recall, precision) = evaluator.Pii(data.Presidio());
        md.AppendLine("\n### PII: presidio-research synth_dataset_v2 (structured types)\n");
        md.AppendLine("| entity type | recall |\n|---|---|");
        foreach (var (type, rate) in recall) md.AppendLine($"| {type} | {rate} |");
        var total = recall.Aggregate(new Rate(0, 0), (a, r) => new Rate(a.Hits + r.Recall.Hits, a.Total + r.Recall.Total));
        md.AppendLine($"| **all structured** | **{total}** |");
        md.AppendLine($"\nPrecision (detections that overlap a gold span of the same type): **{precision}**.");

        md.AppendLine("\n### Benign student questions blocked (whole input check)\n");
        md.AppendLine("| source | blocked |\n|---|---|");
        foreach (var (source, rate) in evaluator.Benign(data.StudentQuestions())) md.AppendLine($"| {source} | {rate} |");
        return md.ToString();
    }
}
