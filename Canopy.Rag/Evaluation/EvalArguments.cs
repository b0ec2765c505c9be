namespace Canopy.Rag.Evaluation;

/// <summary>
/// <c>eval &lt;xquad|sciq|corpus&gt; [--path FILE] [--questions N] [--methods vector,keyword,hybrid,rerank] [--json FILE]</c>;
/// any other <c>--Section:Key=value</c> is configuration (search, chunking, embeddings, rerank settings).
/// </summary>
public sealed record EvalArguments(string Dataset, string? Path, int? Questions, IReadOnlyList<string>? Methods, string? JsonOutput, bool Sweep, string[] Configuration)
{
    public const string Usage = """
        Usage: dotnet run --project Canopy.Rag -- eval <xquad|sciq|corpus> [options]
          --path FILE          dataset file (default: shared/eval next to the repository, or Canopy.Rag/Eval for corpus)
          --questions N        only the first N questions, over their passages and as many others
          --methods LIST       comma-separated: vector,keyword,hybrid,rerank (default: all that are configured)
          --json FILE          also write the results as JSON
          --sweep              also score a grid of hybrid fusion settings (how the defaults were chosen)
          --Canopy:Rag:Search:Fusion=rrf ...   any configuration key, as for the service
        """;

    public static readonly string[] Datasets = ["xquad", "sciq", "corpus"];

    public static EvalArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Datasets.Contains(args[0], StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"The first argument must be one of {string.Join(", ", Datasets)}.");
        string? path = null, json = null;
        int? questions = null;
        var sweep = false;
        IReadOnlyList<string>? methods = null;
        var configuration = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--path": path = Value(); break;
                case "--json": json = Value(); break;
                case "--sweep": sweep = true; break;
                case "--questions":
                    questions = int.TryParse(Value(), out var n) && n > 0 ? n : throw new ArgumentException("--questions needs a positive number.");
                    break;
                case "--methods":
                    methods = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = methods.Except([.. RetrievalEvaluator.BaseMethods, "rerank"]).ToList();
                    if (unknown.Count > 0) throw new ArgumentException($"Unknown method(s): {string.Join(", ", unknown)}.");
                    break;
                default:
                    if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
                    configuration.Add(args[i]);
                    break;
            }
        }
        return new EvalArguments(args[0].ToLowerInvariant(), path, questions, methods, json, sweep, [.. configuration]);
    }

    public EvalDataset Load()
    {
        var shared = EvalPaths.SharedEvalFolder();
        string Shared(string file) => Path ?? (shared is null
            ? throw new FileNotFoundException($"No shared/eval folder found above the repository; pass --path to {file}.")
            : System.IO.Path.Combine(shared, file));
        var dataset = Dataset switch
        {
            "xquad" => EvalDatasets.LoadXquad(Shared(EvalDatasets.XquadFile)),
            "sciq" => EvalDatasets.LoadSciq(Shared(EvalDatasets.SciqFile)),
            _ => EvalDatasets.LoadCorpus(Path ?? EvalPaths.CorpusQuestions(), EvalPaths.CorpusFolder()),
        };
        return Questions is { } n ? dataset.Slice(n) : dataset;
    }
}
