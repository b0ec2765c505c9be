using System.Text.Json;
using Canopy.Api.Feedback;
using Canopy.Contracts.Evaluations;

namespace Canopy.Api.Evaluations;

/// <summary>
/// The evaluation sets: <c>feedback</c> (every thumbs-down with a comment, the comment being the problem to fix) and one set
/// per JSONL file in <c>Evaluations/Sets</c> next to the application, read once at start so that a bad file stops the start.
/// </summary>
public sealed class EvaluationSets
{
    public const string Feedback = "feedback";
    public const string FileSource = "file";
    public const string FeedbackSource = "feedback";

    public static readonly string DefaultFolder = Path.Combine(AppContext.BaseDirectory, "Evaluations", "Sets");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FeedbackStore _feedback;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<EvaluationCase>> _files;

    public EvaluationSets(FeedbackStore feedback)
    {
        _feedback = feedback;
        var folder = DefaultFolder;
        _files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileNameWithoutExtension(f), Read, StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<EvaluationCase>>();
        if (_files.ContainsKey(Feedback)) throw new InvalidDataException($"'{Feedback}' is the set built from feedback; rename {Feedback}.jsonl in {folder}.");
    }

    public async Task<IReadOnlyList<EvaluationSetInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var sets = new List<EvaluationSetInfo>
        {
            new(Feedback, FeedbackSource, (await FromFeedbackAsync(cancellationToken)).Count, "Every thumbs-down with a comment: the question asked again, the comment as the problem to avoid."),
        };
        sets.AddRange(_files.Select(f => new EvaluationSetInfo(f.Key, FileSource, f.Value.Count, $"Canopy.Api/Evaluations/Sets/{f.Key}.jsonl")));
        return sets;
    }

    /// <summary>The set's cases, or null when there is no such set.</summary>
    public async Task<IReadOnlyList<EvaluationCase>?> CasesAsync(string name, CancellationToken cancellationToken) =>
        name == Feedback ? await FromFeedbackAsync(cancellationToken) : _files.GetValueOrDefault(name);

    private async Task<IReadOnlyList<EvaluationCase>> FromFeedbackAsync(CancellationToken cancellationToken)
    {
        var cases = new List<EvaluationCase>();
        await foreach (var entry in _feedback.ListAsync(int.MaxValue, cancellationToken))
        {
            if (entry.Rating != "down" || string.IsNullOrWhiteSpace(entry.Comment) || string.IsNullOrWhiteSpace(entry.Prompt)) continue;
            cases.Add(new EvaluationCase($"feedback-{entry.Id}", entry.Prompt, entry.Feature, entry.Comment));
        }
        cases.Reverse();
        return cases;
    }

    private static IReadOnlyList<EvaluationCase> Read(string path)
    {
        var cases = new List<EvaluationCase>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            EvaluationCase? parsed;
            try { parsed = JsonSerializer.Deserialize<EvaluationCase>(line, Json); }
            catch (JsonException ex) { throw new InvalidDataException($"{path}:{number} is not a case: {ex.Message}", ex); }
            if (parsed is null || string.IsNullOrWhiteSpace(parsed.Id) || string.IsNullOrWhiteSpace(parsed.Question))
                throw new InvalidDataException($"{path}:{number} needs an id and a question.");
            if (parsed.Feature is { } feature && !Features.FeatureCatalog.Ids.Contains(feature))
                throw new InvalidDataException($"{path}:{number} names the unknown feature '{feature}'.");
            if (cases.Any(c => c.Id == parsed.Id)) throw new InvalidDataException($"{path}:{number} repeats the id '{parsed.Id}'.");
            cases.Add(parsed);
        }
        return cases;
    }
}
