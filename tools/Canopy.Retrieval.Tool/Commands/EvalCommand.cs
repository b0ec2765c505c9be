using System.CommandLine;
using Canopy.Retrieval.Tool.Evaluation;

namespace Canopy.Retrieval.Tool.Commands;

/// <summary>
/// <c>eval &lt;xquad|sciq|corpus&gt; [--path FILE] [--questions N] [--methods LIST] [--json FILE] [--sweep] [--Section:Key=value ...]</c>:
/// recall and MRR of each search method on one dataset, in a fresh temporary index.
/// </summary>
public static class EvalCommand
{
    private const string DatasetName = "dataset", SettingsName = "settings";
    private const string PathName = "--path", QuestionsName = "--questions", MethodsName = "--methods", JsonName = "--json", SweepName = "--sweep";

    public static Command Create()
    {
        var dataset = new Argument<string>(DatasetName) { Description = "xquad (XQuAD-en), sciq (SciQ test split) or corpus (the bundled course documents)" };
        dataset.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, EvalArguments.Datasets);
        var settings = new Argument<string[]>(SettingsName)
        {
            Description = "any configuration key, as for the service: --Canopy:Rag:Search:Fusion=rrf, --Canopy:Rag:Embeddings:Provider=openai, --Canopy:Rag:Rerank:Endpoint=...",
            HelpName = "--Section:Key=value",
            Arity = ArgumentArity.ZeroOrMore,
        };
        settings.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !t.Value.StartsWith("--", StringComparison.Ordinal)))
                result.AddError($"Unexpected argument '{token.Value}'.");
        });
        var path = new Option<string?>(PathName) { Description = "the dataset file (default: shared/eval above the repository; for corpus, Data/corpus-questions.json of this tool)", HelpName = "FILE" };
        var questions = new Option<int?>(QuestionsName) { Description = "only the first N questions, over their passages and as many others", HelpName = "N" };
        questions.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0) result.AddError($"{QuestionsName} needs a positive number.");
        });
        var methods = new Option<string?>(MethodsName) { Description = $"comma-separated, of {string.Join(',', RetrievalEvaluator.AllMethods)} (default: all that are configured)", HelpName = "LIST" };
        methods.Validators.Add(result =>
        {
            var unknown = SplitMethods(result.GetValueOrDefault<string?>())?.Except(RetrievalEvaluator.AllMethods).ToList() ?? [];
            if (unknown.Count > 0) result.AddError($"Unknown method(s): {string.Join(", ", unknown)}.");
        });
        var json = new Option<string?>(JsonName) { Description = "also write the results as JSON to FILE", HelpName = "FILE" };
        var sweep = new Option<bool>(SweepName) { Description = "also score a grid of hybrid fusion settings (how the defaults were chosen)" };

        var command = new Command("eval", "Index a dataset's passages into a fresh temporary index and report recall@1/5/10 and MRR@10 per search method (no web host).")
        {
            dataset, settings, path, questions, methods, json, sweep,
        };
        command.SetAction((parse, cancellationToken) => RetrievalEvaluation.RunAsync(Read(parse), cancellationToken));
        return command;
    }

    /// <summary>The arguments of a parse of <see cref="Create"/> that has no errors.</summary>
    public static EvalArguments Read(ParseResult parse) => new(
        parse.GetValue<string>(DatasetName)!.ToLowerInvariant(),
        parse.GetValue<string?>(PathName),
        parse.GetValue<int?>(QuestionsName),
        SplitMethods(parse.GetValue<string?>(MethodsName)),
        parse.GetValue<string?>(JsonName),
        parse.GetValue<bool>(SweepName),
        parse.GetValue<string[]>(SettingsName) ?? []);

    private static string[]? SplitMethods(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
