using System.Text.Json;

namespace Canopy.Guardrails.Tool.Data;

/// <summary>
/// Reads the guardrail training pool (<c>guardrail_pool.jsonl</c>: id, source, kind, text, licence) and the deepset
/// train split (ids 0-545), and names the dataset each row belongs to.
/// </summary>
public static class GuardrailPool
{
    public const int DeepsetLastTrainId = 545;
    public const string PoolFile = "train/guardrail_pool.jsonl";

    /// <summary>
    /// The pool and the deepset train split. Rows under non-commercial terms are kept only when
    /// <paramref name="forEvaluation"/>: they may measure, never train or choose.
    /// </summary>
    public static IReadOnlyList<LabelledRow> Load(DataFolders folders, bool forEvaluation) =>
        [.. Read(folders.Require(PoolFile)).Concat(ReadDeepsetTrain(folders.Require(HeldOutSets.Deepset)))
            .Where(r => forEvaluation || !r.NonCommercial)];

    public static IReadOnlyList<LabelledRow> Read(string poolPath) =>
        [.. File.ReadLines(poolPath).Where(l => l.Length > 0).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var source = r.GetProperty("source").GetString()!;
            return new LabelledRow(r.GetProperty("id").GetString()!, GroupOf(source), source,
                KindOf(r.GetProperty("kind").GetString()!), r.GetProperty("text").GetString()!, r.GetProperty("licence").GetString()!);
        })];

    /// <summary>The deepset/prompt-injections train split; its test split (ids 546-661) stays an evaluation set.</summary>
    public static IReadOnlyList<LabelledRow> ReadDeepsetTrain(string path) =>
        ReadDeepset(path, "deepset", "deepset/prompt-injections", id => id <= DeepsetLastTrainId);

    /// <summary>The rows of the deepset file whose id <paramref name="keep"/> accepts, labelled and grouped as given.</summary>
    public static IReadOnlyList<LabelledRow> ReadDeepset(string path, string group, string source, Func<int, bool> keep) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var id = r.GetProperty("id").GetInt32();
            var attack = r.GetProperty("label").GetString() == "INJECTION";
            return (id, row: new LabelledRow($"deepset:{id}", group, source,
                attack ? RowKind.Attack : RowKind.BenignInstruction, r.GetProperty("text").GetString()!, "Apache-2.0"));
        }).Where(x => keep(x.id)).Select(x => x.row)];

    /// <summary>Variants of one dataset (AILuminate en/fr, the InjecAgent files, arena-hard versions) are one group.</summary>
    public static string GroupOf(string source) => source switch
    {
        _ when source.StartsWith("ailuminate", StringComparison.Ordinal) => "ailuminate",
        _ when source.StartsWith("do-not-answer", StringComparison.Ordinal) => "do-not-answer",
        _ when source.StartsWith("xstest", StringComparison.Ordinal) => "xstest",
        _ when source.StartsWith("gptfuzz", StringComparison.Ordinal) => "gptfuzz",
        _ when source.StartsWith("garak", StringComparison.Ordinal) => "garak",
        _ when source.StartsWith("injecagent", StringComparison.Ordinal) => "injecagent",
        _ when source.StartsWith("asb", StringComparison.Ordinal) => "asb",
        _ when source.StartsWith("arena-hard", StringComparison.Ordinal) => "arena-hard",
        _ when source.StartsWith("oasst", StringComparison.Ordinal) => "oasst",
        _ when source.StartsWith("alpaca", StringComparison.Ordinal) => "alpaca",
        _ when source.StartsWith("mmlu", StringComparison.Ordinal) => "mmlu",
        _ when source.StartsWith("aqua", StringComparison.Ordinal) => "aqua-rat",
        _ => source,
    };

    private static RowKind KindOf(string kind) => kind switch
    {
        "attack" => RowKind.Attack,
        "indirect_attack" => RowKind.IndirectAttack,
        "benign_instruction" => RowKind.BenignInstruction,
        "student_question" => RowKind.StudentQuestion,
        _ => throw new InvalidDataException($"Unknown kind '{kind}' in the guardrail pool."),
    };
}
