using System.Diagnostics;
using Canopy.Api.Guardrails.Learning;

namespace Canopy.Api.Guardrails.Evaluation;

/// <summary>
/// <c>dotnet run --project Canopy.Api -- eval-guardrails [--data ../shared/eval] [--out docs/guardrails.md] [--list-blocked]</c> and
/// <c>-- train-guardrails [--data ../shared/eval] [--out Canopy.Api/Guardrails/Models/injection-classifier.json]</c>.
/// </summary>
public static class GuardrailCommands
{
    public const string Eval = "eval-guardrails";
    public const string Train = "train-guardrails";
    public const string ReportStart = "<!-- eval-guardrails:start -->";
    public const string ReportEnd = "<!-- eval-guardrails:end -->";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is Eval or Train;

    public static int Run(string[] args)
    {
        var data = Resolve(Option(args, "--data") ?? Path.Combine("..", "shared", "eval"));
        if (!Directory.Exists(data))
        {
            Console.Error.WriteLine($"Evaluation data not found at {Path.GetFullPath(data)} (pass --data <folder>).");
            return 2;
        }
        var output = Option(args, "--out") is { } o ? Resolve(o) : null;
        return args[0] == Train ? RunTraining(new EvalData(data), output) : RunEvaluation(new EvalData(data), output, args.Contains("--list-blocked"));
    }

    private static int RunTraining(EvalData data, string? output)
    {
        var path = output ?? Resolve(Path.Combine("Canopy.Api", "Guardrails", "Models", "injection-classifier.json"));
        var examples = data.DeepsetTrain().Select(r => (r.Text, r.Attack)).ToList();
        var started = Stopwatch.GetTimestamp();
        var threshold = LogisticTrainer.ChooseThreshold(examples, folds: 5, maxFalsePositiveRate: 0.03);
        var model = LogisticTrainer.Train(examples, trainedOn: $"deepset/prompt-injections ids 0-{EvalData.DeepsetLastTrainId} ({examples.Count} rows), seed {LogisticTrainer.Seed}");
        model.Threshold = Math.Round(threshold, 4);
        model.Save(path);
        Console.WriteLine($"Trained on {examples.Count} rows in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; threshold {model.Threshold} (5-fold, ≤3% benign out-of-fold); wrote {path}.");
        return 0;
    }

    private static int RunEvaluation(EvalData data, string? output, bool listBlocked)
    {
        var started = Stopwatch.GetTimestamp();
        var report = EvaluationReport.Build(GuardrailEvaluator.Default(), data);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var markdown = $"{report}\nMeasured by `dotnet run --project Canopy.Api -- eval-guardrails --out docs/guardrails.md` on {Environment.ProcessorCount} cores in {elapsed.TotalSeconds:0.0} s ({DateTime.UtcNow:yyyy-MM-dd}).\n";
        Console.WriteLine(markdown);
        if (output is not null) WriteInto(output, markdown);
        if (listBlocked)
        {
            foreach (var (text, category) in GuardrailEvaluator.Default().BlockedBenign(data.StudentQuestions().Select(q => q.Question)))
                Console.WriteLine($"blocked benign [{category}]: {text}");
        }
        return 0;
    }

    // Replaces the figures between the markers and keeps the rest of the document as written.
    private static void WriteInto(string path, string markdown)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var start = existing.IndexOf(ReportStart, StringComparison.Ordinal);
        var end = existing.IndexOf(ReportEnd, StringComparison.Ordinal);
        var block = $"{ReportStart}\n{markdown}{ReportEnd}";
        File.WriteAllText(path, start >= 0 && end > start
            ? string.Concat(existing.AsSpan(0, start), block, existing.AsSpan(end + ReportEnd.Length))
            : existing + "\n" + block + "\n");
        Console.WriteLine($"Updated {path}.");
    }

    // dotnet run starts in the project folder; relative paths are meant from the solution folder, as in the docs.
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Canopy.sln"))) return Path.GetFullPath(Path.Combine(dir.FullName, path));
        }
        return Path.GetFullPath(path);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
