using System.Text.Json;
using Canopy.Rag.Ingestion;

namespace Canopy.Retrieval.Tool.Data;

/// <summary>Loads the benchmark files: XQuAD-en (SQuAD JSON), SciQ (CSV) and the bundled corpus question set.</summary>
public static class EvalDatasets
{
    public const string XquadFile = "qa_xquad_en_squad11_subset.json";
    public const string SciqFile = "qa_sciq_test.csv";

    /// <summary>Each paragraph is a passage titled by its article; every question points at its paragraph.</summary>
    public static EvalDataset LoadXquad(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var passages = new List<EvalPassage>();
        var questions = new List<EvalQuestion>();
        var article = 0;
        foreach (var data in json.RootElement.GetProperty("data").EnumerateArray())
        {
            var title = data.GetProperty("title").GetString()!.Replace('_', ' ');
            var paragraph = 0;
            foreach (var p in data.GetProperty("paragraphs").EnumerateArray())
            {
                var id = $"xquad-{article:D2}-{paragraph++:D2}";
                passages.Add(new EvalPassage(id, title, p.GetProperty("context").GetString()!));
                questions.AddRange(p.GetProperty("qas").EnumerateArray().Select(q => new EvalQuestion(q.GetProperty("question").GetString()!.Trim(), id)));
            }
            article++;
        }
        return new EvalDataset("xquad", passages, questions);
    }

    /// <summary>Rows with a support passage; identical supports become one passage so a question is never unfindable.</summary>
    public static EvalDataset LoadSciq(string path)
    {
        using var reader = new StreamReader(path);
        var rows = CsvRows.Read(reader).ToList();
        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no '{name}' column.");
        var (question, support) = (Column("question"), Column("support"));
        var passages = new Dictionary<string, EvalPassage>(StringComparer.Ordinal);
        var questions = new List<EvalQuestion>();
        foreach (var row in rows.Skip(1).Where(r => r.Length > support && !string.IsNullOrWhiteSpace(r[support])))
        {
            var text = row[support].Trim();
            if (!passages.TryGetValue(text, out var passage))
                passages[text] = passage = new EvalPassage($"sciq-{passages.Count:D4}", "", text);
            questions.Add(new EvalQuestion(row[question].Trim(), passage.Id));
        }
        return new EvalDataset("sciq", [.. passages.Values], questions);
    }

    /// <summary>The bundled course documents as passages and the hand-written questions about them.</summary>
    public static EvalDataset LoadCorpus(string questionsPath, string corpusFolder)
    {
        var folder = new FolderSource("corpus", corpusFolder);
        var passages = new List<EvalPassage>();
        var idByFile = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in folder.Files())
        {
            var id = MarkdownDocumentReader.IdFromPath(Path.GetRelativePath(corpusFolder, file));
            var document = MarkdownDocumentReader.Read(id, folder.SourceOf(file), File.ReadAllText(file), "");
            passages.Add(new EvalPassage(id, document.Title, document.Body));
            idByFile[Path.GetFileName(file)] = id;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(questionsPath));
        var questions = json.RootElement.EnumerateArray().Select(q =>
        {
            var source = q.GetProperty("source").GetString()!;
            return new EvalQuestion(q.GetProperty("question").GetString()!,
                idByFile.TryGetValue(source, out var id) ? id : throw new InvalidDataException($"Question names unknown source '{source}'."));
        }).ToList();
        return new EvalDataset("corpus", passages, questions);
    }
}
