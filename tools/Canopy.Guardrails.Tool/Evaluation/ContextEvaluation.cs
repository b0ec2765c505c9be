using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>
/// A drop rate on one set of passages, what did the dropping, and (for planted passages) the drop rate by where the
/// instruction sits: appended at the end, put first, or inside the passage.
/// </summary>
public sealed record PassageResult(string Set, bool Planted, Rate Dropped, Rate ByPatterns, Rate ByClassifier, Rate ByHarm, double Threshold,
    Rate AtEnd = default, Rate AtStart = default, Rate Inside = default, Rate ByTopic = default, double? TopicSimilarity = null);

/// <summary>
/// The context stage as canopy-be runs it (passage patterns and the indirect-injection classifier), measured on
/// passages no model trained on. For each instruction dataset in turn the classifier is retrained (threshold
/// included) and the patterns re-selected without it; its instructions are then planted in unseen carriers (course
/// corpus chunks, XQuAD contexts, SciQ supports, MMLU's long stems) and the share of those passages dropped is
/// measured. Clean unseen carriers measure how much course material would be lost. With <paramref name="harm"/>, the harmful-request classifier trained without
/// the dataset (null: on all of them) also reads every piece, as it does at canopy-be's context stage, and the harm
/// lexicon's English rule (trained on nothing) reads every passage. With <paramref name="topics"/>, the classifier's
/// second stage reads the pieces over its gate, as it does in canopy-be.
/// </summary>
public sealed class ContextEvaluation(PassageFeatures features, PatternSelection patterns, ContextTrainer trainer, Func<string?, HarmClassifierDetector>? harm = null, int seed = 20261201,
    TopicContrast? topics = null)
{
    public const int CarriersPerDataset = 600;
    public const int PlantedPerDataset = 300;
    public const string CorpusCarrier = "corpus";

    public sealed record Training(IReadOnlyList<Passage> Passages, IReadOnlyList<Piece> Pieces);

    /// <summary>Carriers from the pool clean and with one planted instruction each, plus InjecAgent's own tool outputs.</summary>
    public Training BuildTraining(IReadOnlyList<LabelledRow> pool, IReadOnlyList<Passage> written)
    {
        var random = new Random(seed);
        var carriers = PassageData.Carriers(pool, written).GroupBy(c => c.Carrier)
            .SelectMany(g => g.OrderBy(_ => random.Next()).Take(CarriersPerDataset)).ToList();
        var instructions = PassageData.Instructions(pool);
        var passages = new List<Passage>(carriers);
        passages.AddRange(carriers.Select(c => PassageData.Plant(c, instructions[random.Next(instructions.Count)], random)));
        passages.AddRange(InjecAgentPassages(pool));
        return new Training(passages, ContextTrainer.Pieces(passages, features));
    }

    public IReadOnlyList<PassageResult> Run(IReadOnlyList<LabelledRow> pool, IReadOnlyList<Passage> unseenCarriers, Training training, Action<string>? progress = null)
    {
        var random = new Random(seed + 1);
        var instructions = PassageData.Instructions(pool);
        // The corpus trains the shipped model as a carrier; every model measured here is trained without it.
        training = training with { Pieces = [.. training.Pieces.Where(p => p.Passage.Carrier != CorpusCarrier)] };
        var results = new List<PassageResult>();
        foreach (var group in instructions.Select(i => i.Group).Distinct().Order(StringComparer.Ordinal))
        {
            var model = trainer.Train([.. training.Pieces.Where(p => p.Passage.Group != group && p.Passage.Carrier != group)]);
            var kept = patterns.Kept(group).Where(p => p.InPassages).ToList();
            var held = instructions.Where(i => i.Group == group).ToList();
            var planted = Enumerable.Range(0, Math.Min(PlantedPerDataset, Math.Max(held.Count, 50)))
                .Select(_ => PassageData.Plant(unseenCarriers[random.Next(unseenCarriers.Count)], held[random.Next(held.Count)], random)).ToList();
            if (group == "injecagent") planted.AddRange(InjecAgentPassages(pool));
            results.Add(Measure($"{group} planted", true, planted, model, kept, harm?.Invoke(group)));
            progress?.Invoke($"{group,-14} planted: dropped {results[^1].Dropped} (patterns {results[^1].ByPatterns}, classifier {results[^1].ByClassifier} of which off-topic {results[^1].ByTopic}, harm {results[^1].ByHarm}, threshold {model.Threshold:0.000}, similarity {model.TopicSimilarity:0.000}; at the end {results[^1].AtEnd}, first {results[^1].AtStart}, inside {results[^1].Inside})");
        }
        var full = trainer.Train(training.Pieces);
        var all = patterns.Kept().Where(p => p.InPassages).ToList();
        var fullHarm = harm?.Invoke(null);
        foreach (var set in unseenCarriers.GroupBy(c => c.Carrier))
        {
            results.Add(Measure($"{set.Key} clean", false, [.. set], full, all, fullHarm));
            progress?.Invoke($"{set.Key,-14} clean: dropped {results[^1].Dropped} (of which off-topic {results[^1].ByTopic}; threshold {full.Threshold:0.000}, similarity {full.TopicSimilarity:0.000})");
        }
        return results;
    }

    private static readonly HarmLexiconDetector Lexicon = new();

    public PassageResult Measure(string name, bool planted, IReadOnlyList<Passage> passages, ClassifierModel model, IReadOnlyList<InjectionPattern> kept, HarmClassifierDetector? harmDetector = null)
    {
        var outcomes = passages.AsParallel().AsOrdered().Select(p =>
        {
            var byPattern = PromptInjectionDetector.Match(p.Text, kept, GuardrailStage.Context) is not null;
            var (score, piece) = Best(model, p.Text);
            var byClassifier = Drops(model, p.Text, score, piece);
            var byTopic = byClassifier && score < model.Threshold;
            var byHarm = (harmDetector?.Detect(p.Text, GuardrailStage.Context).Any() ?? false) || Lexicon.Detect(p.Text, GuardrailStage.Context).Any();
            return (p, dropped: byPattern || byClassifier || byHarm, byPattern, byClassifier, byHarm, byTopic);
        }).ToList();
        Rate At(Placement where) => Rate.Of(outcomes.Where(o => planted && PlacementOf(o.p) == where).Select(o => o.dropped));
        return new PassageResult(name, planted, Rate.Of(outcomes.Select(o => o.dropped)),
            Rate.Of(outcomes.Select(o => o.byPattern)), Rate.Of(outcomes.Select(o => o.byClassifier)), Rate.Of(outcomes.Select(o => o.byHarm)), model.Threshold,
            At(Placement.End), At(Placement.Start), At(Placement.Inside), Rate.Of(outcomes.Select(o => o.byTopic)), model.TopicSimilarity);
    }

    private enum Placement { End, Start, Inside }

    private static Placement PlacementOf(Passage p) =>
        p.InstructionStart + p.InstructionLength >= p.Text.TrimEnd().Length ? Placement.End : p.InstructionStart == 0 ? Placement.Start : Placement.Inside;

    /// <summary>The passage's score as the detector computes it: 1 for a task outside a mail's body, else the highest of its English pieces.</summary>
    public double Score(ClassifierModel model, string passage) => Best(model, passage).Score;

    /// <summary>Whether the detector drops the passage: its score over the threshold, or over the gate and its piece off the passage's topic.</summary>
    public bool Drops(ClassifierModel model, string passage, double score, Segment piece) =>
        topics?.Planted(model, score, passage, piece) ?? score >= model.Threshold;

    /// <summary>The second stage's similarity of the passage's best piece (1 when the first stage decides it).</summary>
    public double Similarity(ClassifierModel model, string passage) =>
        Best(model, passage) is var (score, piece) && topics is not null && score >= TopicContrast.Gate && score < model.Threshold ? topics.Similarity(passage, piece) : 1;

    private (double Score, Segment Piece) Best(ClassifierModel model, string passage)
    {
        var best = (Score: 0.0, Piece: default(Segment));
        var letters = LetterFrame.Of(passage);
        var pieces = features.Of(passage);
        if (letters.AssistantWorkOutsideBody(pieces.Select(p => p.Segment)) is not null) return (1, default);
        foreach (var (segment, x) in pieces)
        {
            if (letters.IsLettersOwn(segment)) continue;
            if (!EnglishText.IsEnglish(passage.Substring(segment.Start, segment.Length))) continue;
            var p = model.Probability(x);
            if (p > best.Score) best = (p, segment);
        }
        return best;
    }

    /// <summary>InjecAgent's tool outputs as they are, with the span of their injected instruction.</summary>
    public static IEnumerable<Passage> InjecAgentPassages(IReadOnlyList<LabelledRow> pool)
    {
        var instructions = PassageData.InjecAgentInstructions(pool);
        foreach (var r in pool.Where(r => r.Group == "injecagent"))
        {
            var found = instructions.Select(i => (i, at: r.Text.IndexOf(i, StringComparison.Ordinal))).FirstOrDefault(x => x.at >= 0);
            if (found.i is null) continue;
            var start = r.Text.IndexOf(PassageData.EnhancedMarker, StringComparison.Ordinal) is var m and >= 0 ? m : found.at;
            yield return new Passage(r.Id, "injecagent", "injecagent", r.Text, start, found.at + found.i.Length - start);
        }
    }
}
