using System.CommandLine;
using Canopy.Api.Features;
using Canopy.Api.Guardrails;
using Canopy.Guardrails.Tool.Checking;
using Canopy.Guardrails.Tool.Data;
using Microsoft.Extensions.Options;

namespace Canopy.Guardrails.Tool.Commands;

/// <summary>Which texts <c>check</c> prints a line for: those a detector caught (blocked, flagged or redacted), every one, or none.</summary>
public enum CheckShow { Caught, All, None }

/// <summary>
/// <c>check</c>: the guardrail pipeline as canopy-be runs it, on texts of one's own (a message, a file of questions a
/// deployment expects), printing each decision with its detectors' scores and the share blocked.
/// </summary>
public static class CheckCommand
{
    public static Command Create(Option<string?> repository)
    {
        var texts = new Argument<string[]>("texts") { Description = "texts to check", Arity = ArgumentArity.ZeroOrMore };
        var file = new Option<FileInfo>("--file") { Description = "a file of texts: JSON Lines with a \"text\" field, else one text a line" }.AcceptExistingOnly();
        var stage = new Option<GuardrailStage>("--stage") { Description = "input (a student's message), context (a retrieved passage) or output (an answer)", DefaultValueFactory = _ => GuardrailStage.Input };
        var feature = new Option<string>("--feature") { Description = "the feature whose guardrail settings apply", DefaultValueFactory = _ => FeatureCatalog.InformationSearch }
            .AcceptOnlyFromAmong([.. FeatureCatalog.Ids]);
        var settings = new Option<FileInfo>("--settings") { Description = "a settings file whose Canopy:Guardrails section applies, as canopy-be reads it (default: none, the shipped defaults)" }.AcceptExistingOnly();
        var groupBy = new Option<string>("--group-by") { Description = "a JSON Lines field to count blocked texts by (a dataset, a label)" };
        var show = new Option<CheckShow>("--show") { Description = "print a line for the texts caught (the default), all of them or none", DefaultValueFactory = _ => CheckShow.Caught };
        var command = new Command("check", "Check texts with the guardrails as canopy-be runs them, and print each decision and the share blocked.")
            { texts, file, stage, feature, settings, groupBy, show };
        command.Validators.Add(result =>
        {
            var given = result.GetValue(texts) is { Length: > 0 };
            if (given == (result.GetResult(file) is not null))
                result.AddError("Give the texts to check, or --file with one text a line (JSON Lines: a \"text\" field); not both.");
            if (result.GetResult(groupBy) is not null && result.GetResult(file) is null)
                result.AddError("--group-by counts the texts of a --file by one of its fields.");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            // Progress is written from the checks' threads.
            var error = TextWriter.Synchronized(parse.InvocationConfiguration.Error);
            var settingsFile = parse.GetValue(settings)?.FullName;
            IReadOnlyList<CheckedText> checkedTexts;
            GuardrailService service;
            try
            {
                checkedTexts = parse.GetValue(file) is { } f
                    ? TextFile.Read(f.FullName, parse.GetValue(groupBy))
                    : [.. parse.GetValue(texts)!.Select((t, i) => new CheckedText($"text {i + 1}", t))];
                service = DefaultPipeline.Create(DataFolders.Locate(parse.GetValue(repository)).Models, settingsFile);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or OptionsValidationException)
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
            if (checkedTexts.Count > CheckRun.ProgressEvery) await error.WriteLineAsync($"Checking {checkedTexts.Count:N0} texts.");
            var run = await CheckRun.RunAsync(service, checkedTexts, parse.GetValue(stage), parse.GetValue(feature)!,
                done => error.WriteLine($"checked {done:N0} of {checkedTexts.Count:N0}"), cancellationToken);
            var shown = parse.GetValue(show);
            foreach (var (text, result) in run.Texts.Zip(run.Results))
                if (shown == CheckShow.All || shown == CheckShow.Caught && result.Decision != GuardrailDecision.Allow)
                    await output.WriteLineAsync(CheckReport.Line(text, result));
            foreach (var line in CheckReport.Summary(run, settingsFile is null ? "shipped settings" : $"settings from {settingsFile}"))
                await output.WriteLineAsync(line);
            return 0;
        });
        return command;
    }
}
