using Canopy.Retrieval.Tool.Data;

namespace Canopy.Retrieval.Tool.Commands;

/// <summary>What one <c>eval</c> run measures; <see cref="Configuration"/> holds the <c>--Section:Key=value</c> settings for the host.</summary>
public sealed record EvalArguments(string Dataset, string? Path, int? Questions, IReadOnlyList<string>? Methods, string? JsonOutput, bool Sweep, string[] Configuration)
{
    public static readonly string[] Datasets = ["xquad", "sciq", "corpus"];

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
