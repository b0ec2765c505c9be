using System.Text.Json;

namespace Canopy.Api.Guardrails.Evaluation;

public sealed record LabelledText(int Id, string Text, bool Attack);
public sealed record CyberSecEvalCase(int Id, string UserInput, string Variant, bool Indirect);
public sealed record HateCheckCase(string Functionality, string Text, bool Hateful);
public sealed record PiiSpan(string EntityType, int Start, int End);
public sealed record PiiSentence(string Text, IReadOnlyList<PiiSpan> Spans);

/// <summary>Loads the labelled sets of /work/shared/eval (formats and licences: its SOURCES.md).</summary>
public sealed class EvalData(string folder)
{
    public const int DeepsetLastTrainId = 545;

    public string Folder { get; } = folder;

    public IReadOnlyList<LabelledText> Deepset() =>
        [.. File.ReadLines(Path.Combine(Folder, "injection_deepset_prompt_injections.jsonl")).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var r = doc.RootElement;
            return new LabelledText(r.GetProperty("id").GetInt32(), r.GetProperty("text").GetString()!, r.GetProperty("label").GetString() == "INJECTION");
        })];

    public IReadOnlyList<LabelledText> DeepsetTrain() => [.. Deepset().Where(r => r.Id <= DeepsetLastTrainId)];

    public IReadOnlyList<LabelledText> DeepsetTest() => [.. Deepset().Where(r => r.Id > DeepsetLastTrainId)];

    public IReadOnlyList<CyberSecEvalCase> CyberSecEval()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "injection_cyberseceval_prompt_injection.json")));
        return [.. doc.RootElement.EnumerateArray().Select(r => new CyberSecEvalCase(
            r.GetProperty("prompt_id").GetInt32(), r.GetProperty("user_input").GetString()!,
            r.GetProperty("injection_variant").GetString()!, r.GetProperty("injection_type").GetString() == "indirect"))];
    }

    public IReadOnlyList<HateCheckCase> HateCheck() =>
        [.. Csv.Read(Path.Combine(Folder, "toxicity_hatecheck_test_suite_cases.csv"))
            .Select(r => new HateCheckCase(r["functionality"], r["test_case"].Trim(), r["label_gold"] == "hateful"))];

    public IReadOnlyList<PiiSentence> Presidio()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "pii_presidio_synth_dataset_v2.json")));
        return [.. doc.RootElement.EnumerateArray().Select(r => new PiiSentence(r.GetProperty("full_text").GetString()!,
            [.. r.GetProperty("spans").EnumerateArray().Select(s => new PiiSpan(s.GetProperty("entity_type").GetString()!,
                s.GetProperty("start_position").GetInt32(), s.GetProperty("end_position").GetInt32()))]))];
    }

    /// <summary>Student-style questions: XQuAD-en (SQuAD 1.1 dev subset) and the SciQ test split.</summary>
    public IReadOnlyList<(string Source, string Question)> StudentQuestions()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "qa_xquad_en_squad11_subset.json")));
        var xquad = doc.RootElement.GetProperty("data").EnumerateArray()
            .SelectMany(a => a.GetProperty("paragraphs").EnumerateArray())
            .SelectMany(p => p.GetProperty("qas").EnumerateArray())
            .Select(q => ("xquad", q.GetProperty("question").GetString()!));
        var sciq = Csv.Read(Path.Combine(Folder, "qa_sciq_test.csv")).Select(r => ("sciq", r["question"]));
        return [.. xquad.Concat(sciq)];
    }

    /// <summary>The eval folder: ../shared/eval next to the folder holding Canopy.sln, found by walking up from <paramref name="start"/>.</summary>
    public static string? Locate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Canopy.sln")))
            {
                var eval = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "eval"));
                return Directory.Exists(eval) ? eval : null;
            }
        }
        return null;
    }
}
