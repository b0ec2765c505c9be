using System.CommandLine;
using System.Diagnostics;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Evaluation;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.Guardrails.Tool.Commands;

/// <summary><c>evaluate [--write] [--skip-held-out] [--seed n]</c>: leave-one-source-out figures per dataset and kind, then the held-out sets.</summary>
public static class EvaluateCommand
{
    public const string Invocation = "dotnet run --project tools/Canopy.Guardrails.Tool -c Release -- evaluate --write";
    public const string ReportPath = "docs/guardrails-evaluation.md";

    public static Command Create(Option<string?> repository)
    {
        var write = new Option<bool>("--write") { Description = $"also write the figures to {ReportPath}" };
        var inputOnly = new Option<bool>("--skip-held-out") { Description = "leave-one-source-out figures only" };
        var seed = new Option<int?>("--seed")
        {
            Description = "train every fold's models from this seed instead of the shipped one, to see how far the figures move with it (not with --write)",
        };
        var command = new Command("evaluate", "Measure the guardrails leave-one-source-out and on the evaluation-only sets (about 14 minutes on 2 cores).") { write, inputOnly, seed };
        command.Validators.Add(result =>
        {
            if (result.GetValue(write) && result.GetValue(seed) is not null)
                result.AddError($"--seed measures how the figures move; {ReportPath} holds the shipped settings' figures, so it cannot be combined with --write.");
        });
        command.SetAction(async parse =>
        {
            var folders = DataFolders.Locate(parse.GetValue(repository));
            var clock = Stopwatch.StartNew();
            var settings = parse.GetValue(seed) is { } s ? GuardrailSettings.Default.WithSeed(s) : GuardrailSettings.Default;
            var report = await GuardrailEvaluation.RunAsync(folders, settings, !parse.GetValue(inputOnly), Console.WriteLine);
            var markdown = ReportWriter.Markdown(report, Invocation);
            Console.WriteLine();
            Console.WriteLine(markdown[..markdown.IndexOf("## Input stage", StringComparison.Ordinal)].TrimEnd());
            if (parse.GetValue(write)) await File.WriteAllTextAsync(Path.Combine(folders.Repository, ReportPath), markdown);
            Console.WriteLine($"({clock.Elapsed.TotalSeconds:0} s)");
            return 0;
        });
        return command;
    }
}
