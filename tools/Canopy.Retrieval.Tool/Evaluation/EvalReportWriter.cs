using System.Globalization;
using System.Text.Json;

namespace Canopy.Retrieval.Tool.Evaluation;

/// <summary>Prints a report as a Markdown table (pasteable into docs/retrieval.md) and optionally as JSON.</summary>
public static class EvalReportWriter
{
    public static void WriteMarkdown(EvalReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Dataset {report.Dataset}: {report.Passages} passages → {report.Chunks} chunks, {report.Questions} questions, embeddings {report.EmbeddingModel}"));
        output.WriteLine(string.Create(c, $"Indexing (chunk + embed + write): {Describe(report.Indexing, report.Chunks, "chunks")}"));
        output.WriteLine(string.Create(c, $"Question embedding (batched): {Describe(report.QueryEmbedding, report.Questions, "questions")}"));
        output.WriteLine();
        output.WriteLine("| method | recall@1 | recall@5 | recall@10 | MRR@10 | search ms/query |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in report.Methods)
        {
            output.WriteLine(string.Create(c, $"| {m.Method} | {m.Metrics.RecallAt1:F3} | {m.Metrics.RecallAt5:F3} | {m.Metrics.RecallAt10:F3} | {m.Metrics.Mrr:F3} | {m.MillisecondsPerQuery:F2} |"));
        }
        output.WriteLine();
    }

    private static string Describe(Cost cost, int count, string unit) => string.Create(CultureInfo.InvariantCulture,
        $"{cost.WallSeconds:F1} s wall ({count / Math.Max(cost.WallSeconds, 1e-9):F1} {unit}/s), {cost.CpuSeconds:F1} s CPU ({count / Math.Max(cost.CpuSeconds, 1e-9):F1} {unit} per CPU-second)");

    public static async Task WriteJsonAsync(EvalReport report, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
    }
}
