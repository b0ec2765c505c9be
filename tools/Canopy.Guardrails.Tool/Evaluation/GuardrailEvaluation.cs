using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Embeddings;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>Everything the evaluation measured: leave-one-source-out input and context figures, and the held-out sets.</summary>
public sealed record GuardrailReport(IReadOnlyList<SourceResult> Input, IReadOnlyList<PassageResult> Context, IReadOnlyList<PipelineResult> HeldOut, IReadOnlyList<(InjectionPattern Pattern, int Attacks, int Benign, bool Kept)> Patterns,
    (IReadOnlyList<(string Type, Rate Recall)> Recall, Rate Precision)? Pii, bool WithSharedData)
{
    /// <summary>
    /// Block rate of one kind of row (as written, or <paramref name="reworded"/> into the other framing): pooled over its
    /// rows, and the mean over its datasets (each counts once). XSTest's safe prompts, written to look unsafe, are
    /// reported apart from ordinary benign instructions, and the prompts written for the repository count in neither.
    /// </summary>
    public (Rate Pooled, double Macro) Of(RowKind kind, bool reworded = false)
    {
        var results = Input.Where(r => r.Kind == kind && r.Reworded == reworded && !(r.Group == "xstest" && kind != RowKind.Attack) && !WrittenPrompts.Groups.Contains(r.Group)).ToList();
        return (results.Aggregate(new Rate(), (a, r) => a + r.Blocked), results.Count == 0 ? 0 : results.Average(r => r.Blocked.Value));
    }

    public Rate Planted => Context.Where(c => c.Planted).Aggregate(new Rate(), (a, r) => a + r.Dropped);

    /// <summary>Planted passages whose instruction was appended at the end (the e-mail with a task added below it).</summary>
    public Rate Appended => Context.Where(c => c.Planted).Aggregate(new Rate(), (a, r) => a + r.AtEnd);

    public Rate CleanUnseen => Context.Where(c => !c.Planted && !c.Set.StartsWith("corpus", StringComparison.Ordinal)).Aggregate(new Rate(), (a, r) => a + r.Dropped);

    public Rate Corpus => Context.Where(c => c.Set.StartsWith("corpus", StringComparison.Ordinal)).Aggregate(new Rate(), (a, r) => a + r.Dropped);
}

/// <summary>
/// Runs the whole evaluation: the input stage and the context stage leave-one-source-out (each dataset measured by
/// models, thresholds and patterns chosen without it), then the default pipeline on the evaluation-only sets.
/// </summary>
public static class GuardrailEvaluation
{
    public static async Task<GuardrailReport> RunAsync(DataFolders folders, GuardrailSettings settings, bool heldOut, Action<string> progress)
    {
        var pool = GuardrailPool.Load(folders, forEvaluation: true);
        var embedder = SemanticModels.LoadEmbedder(folders.Models);
        var patterns = new PatternSelection(pool, InjectionPatterns.All);

        progress("Input stage, leave one source out:");
        // The prompts written for the repository train in every fold but their own, and count in no headline figure.
        var requests = pool.Where(r => r.Kind is RowKind.Attack or RowKind.BenignInstruction or RowKind.StudentQuestion).Concat(WrittenPrompts.Read(folders)).ToList();
        var rows = Featurizer.Embed([.. requests, .. Rephrasing.Of(requests)], embedder);
        // Every read of it below runs beside others on every core, so each gets one thread: 0.72 of the time (docs/benchmarks.md).
        using var encoder = new MiniLmEmbeddingGenerator(threadsPerText: 1);
        var sentenceRows = Featurizer.Sentences(rows, encoder, progress);
        var inputEvaluation = new InputEvaluation(rows, sentenceRows, patterns, settings.Harm, settings.HarmThreshold, settings.Injection, settings.InjectionThreshold, embedder.Tokens, settings.Purpose,
            new OtherLanguageStage(ClassifierModel.Load(Path.Combine(folders.Models, SemanticModels.HarmOtherLanguagesModelFile))));
        var input = inputEvaluation.Run(progress);

        progress("Context stage, leave one source out (instructions planted in carriers no model trained on):");
        // The context stage also runs the harmful-request classifier on every piece: in each fold, one trained as the shipped
        // one is (its threshold included) without the dataset measured, the input stage's own fold models.
        var passageFeatures = new PassageFeatures(embedder);
        var topics = new TopicContrast(new SentenceVectors(encoder));
        var context = new ContextEvaluation(passageFeatures, patterns, settings.ContextTrainer(topics), group =>
        {
            var (first, second) = inputEvaluation.ModelWithout(group);
            return new HarmClassifierDetector(embedder, first, new SentenceStage(encoder, second, HarmClassifierDetector.DetectorName), passageFeatures.Analyse);
        }, topics: topics);
        var corpus = PassageData.CorpusChunks(folders.Corpus);
        var training = context.BuildTraining([.. pool.Where(r => !r.NonCommercial)], [.. corpus, .. PassageData.Readings(folders)]);
        var unseen = corpus
            .Concat(new HeldOutSets(folders).CleanPassages().Select(r => new Passage(r.Id, r.Group, r.Group, r.Text)))
            .Concat(PassageData.ExamPassages(pool)).ToList();
        var passages = context.Run(pool, unseen, training, progress);

        var pipeline = new List<PipelineResult>();
        (IReadOnlyList<(string Type, Rate Recall)> Recall, Rate Precision)? pii = null;
        if (heldOut)
        {
            progress("The default pipeline (the shipped models) on the evaluation-only sets:");
            var evaluation = PipelineEvaluation.Default(folders.Models);
            pipeline.AddRange(await evaluation.RunAsync(folders, progress));
            var random = new Random(20261201);
            var carriers = unseen.Where(c => c.Carrier != "corpus").OrderBy(_ => random.Next()).Take(300).ToList();
            var instructions = PassageData.Instructions(pool).Where(i => !i.IsAttack || HarmTask.OverrideDatasets.Contains(i.Group) || i.Group == "injecagent").ToList();
            var pasted = carriers.Select(c => PassageData.Plant(c, instructions[random.Next(instructions.Count)], random).Text).ToList();
            pipeline.Add(await evaluation.SummarizeAsync("pasted text carrying an instruction", pasted));
            progress($"{pipeline[^1].Set,-34} {pipeline[^1].Check,-30} {pipeline[^1].Blocked}");
            pii = PiiEvaluation.Run(new HeldOutSets(folders).Presidio());
            progress($"PII recall {string.Join(", ", pii.Value.Recall.Select(r => $"{r.Type} {r.Recall}"))}; precision {pii.Value.Precision}");
        }
        return new GuardrailReport(input, passages, pipeline, patterns.Audit(), pii, folders.Shared is not null);
    }
}
