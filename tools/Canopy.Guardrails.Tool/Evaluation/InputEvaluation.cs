using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>
/// A block rate on one dataset and kind (its rows as written, or reworded into the other framing), what did the
/// blocking, and how many rows a sentence stage (the harm or the injection classifier's) read (its cost).
/// </summary>
public sealed record SourceResult(string Group, RowKind Kind, bool Reworded, Rate Blocked, Rate ByPatterns, Rate ByClassifier, Rate ByRules, Rate Abstained, double Threshold, Rate SecondStage = default, Rate ByInjection = default);

/// <summary>
/// Leave-one-source-out evaluation of the input stage as canopy-be runs it for information search: phrasing
/// patterns, the harmful-request and prompt-injection classifiers' two stages each, HAP and the built-in topic policy. For each dataset in turn, the patterns are re-selected and
/// every stage retrained (threshold included) without it, then measured on it: on its rows as written, and on its
/// English rows reworded into the other framing (<see cref="Rephrasing"/>), which tells whether a question-shaped
/// attack is still caught when it comes as an instruction. <paramref name="sentenceRows"/> are the same rows with the
/// second stage's features. <paramref name="otherLanguages"/>, the harm classifier's reader of requests not in English, is
/// the shipped one in every fold: no row of the pool trains it or sets its threshold.
/// </summary>
public sealed class InputEvaluation(IReadOnlyList<Featured> rows, IReadOnlyList<Featured> sentenceRows, PatternSelection patterns, TrainerSettings settings, ThresholdRule rule, TrainerSettings injectionSettings, ThresholdRule injectionRule, MiniLmTokens vocabulary,
    TrainerSettings purposeSettings, OtherLanguageStage? otherLanguages = null)
{
    // The rule-based detectors of the input stage that nothing here trains: HAP, the built-in topic policy, adversarial
    // suffixes, the harm and injection lexicons of the languages the classifiers do not read, and jailbreak frames.
    private readonly IGuardrailDetector[] _rules = [new HapDetector(vocabulary), new TopicPolicyDetector(), new AdversarialSuffixDetector(), new HarmLexiconDetector(), new InjectionLexiconDetector(), new JailbreakFrameDetector(), new SafeguardingDetector()];

    private readonly (ModelCache First, ModelCache Second) _harm = (Cache(rows, settings, HarmTask.Trains), Cache(sentenceRows, settings, HarmTask.Trains));
    private readonly (ModelCache First, ModelCache Second) _injection = (Cache(rows, injectionSettings, InjectionTask.Trains), Cache(sentenceRows, injectionSettings, InjectionTask.Trains));

    private readonly ModelCache _purpose = new(excluded => PurposeTask.Fit(sentenceRows.Where(r => !excluded.Contains(r.Row.Group)), purposeSettings),
        GroupsOf(sentenceRows, PurposeTask.Trains));

    /// <summary>
    /// The harm classifier's purpose stage trained without <paramref name="heldOut"/>, its threshold chosen without it too, on
    /// the requests for harm that <paramref name="harm"/> (the fold's two stages) blocks.
    /// </summary>
    public ClassifierModel PurposeWithout(string heldOut, (ClassifierModel First, ClassifierModel Second) harm)
    {
        var blocked = Enumerable.Range(0, rows.Count)
            .Where(i => rows[i].Row.Group != heldOut && PurposeTask.Trains(rows[i].Row) && harm.First.Probability(rows[i].Features) >= SentenceStage.Gate && harm.Second.Probability(sentenceRows[i].Features) >= harm.Second.Threshold)
            .Select(i => sentenceRows[i]).ToHashSet();
        var threshold = PurposeTask.ChooseThreshold([.. blocked], group => _purpose.Without(heldOut, group), _ => true);
        return _purpose.Without(heldOut).WithThreshold(threshold);
    }

    private static ModelCache Cache(IReadOnlyList<Featured> rows, TrainerSettings settings, Func<LabelledRow, bool> trains) => new(excluded =>
    {
        var training = rows.Where(r => trains(r.Row) && !excluded.Contains(r.Row.Group)).ToList();
        return ClassifierTrainer.Train([.. training.Select(r => r.Features)], [.. training.Select(r => r.Row.IsAttack)],
            HarmTask.Weights([.. training.Select(r => r.Row)]), settings);
    }, GroupsOf(rows, trains));

    private static HashSet<string> GroupsOf(IEnumerable<Featured> rows, Func<LabelledRow, bool> trains) => [.. rows.Where(r => trains(r.Row)).Select(r => r.Row.Group)];

    /// <summary>
    /// The harm classifier's two stages trained without <paramref name="heldOut"/> (null: on every dataset), as the shipped
    /// ones are (<see cref="ModelWithout(string?, (ModelCache, ModelCache), Func{LabelledRow, bool}, ThresholdRule)"/>).
    /// </summary>
    public (ClassifierModel First, ClassifierModel Second) ModelWithout(string? heldOut) => ModelWithout(heldOut, _harm, HarmTask.Trains, rule);

    /// <summary>
    /// Both stages trained without <paramref name="heldOut"/>, the second's threshold chosen without it too: each benign
    /// dataset scored by both stages trained without it as well, a row under the first stage's gate counting as passed.
    /// </summary>
    private (ClassifierModel First, ClassifierModel Second) ModelWithout(string? heldOut, (ModelCache First, ModelCache Second) caches, Func<LabelledRow, bool> trains, ThresholdRule thresholdRule)
    {
        var (firstStages, secondStages) = caches;
        var benignGroups = rows.Where(r => trains(r.Row) && !r.Row.IsAttack && r.Row.Group != heldOut).Select(r => r.Row.Group).Distinct().ToList();
        var scored = new List<(string Group, RowKind Kind, double Score)>();
        foreach (var group in benignGroups)
        {
            if (HarmTask.HardNegativeDatasets.Contains(group)) continue;
            var (gate, inner) = (firstStages.Without(heldOut, group), secondStages.Without(heldOut, group));
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i].Row;
                if (r.Group != group || !trains(r) || r.IsAttack || r.Rephrased) continue;
                var score = gate.Probability(rows[i].Features) >= SentenceStage.Gate ? inner.Probability(sentenceRows[i].Features) : 0;
                scored.Add((group, r.Kind, score));
            }
        }
        return (firstStages.Without(heldOut), secondStages.Without(heldOut).WithThreshold(thresholdRule.Choose(scored)));
    }

    public IReadOnlyList<SourceResult> Run(Action<string>? progress = null)
    {
        var groups = rows.Select(r => r.Row.Group).Distinct().Order(StringComparer.Ordinal).ToArray();
        // Folds train in parallel; results are reported in the datasets' order.
        var models = new (ClassifierModel First, ClassifierModel Second)[groups.Length];
        var injections = new (ClassifierModel First, ClassifierModel Second)[groups.Length];
        var purposes = new ClassifierModel[groups.Length];
        Parallel.For(0, groups.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            models[i] = ModelWithout(groups[i]);
            purposes[i] = PurposeWithout(groups[i], models[i]);
            injections[i] = ModelWithout(groups[i], _injection, InjectionTask.Trains, injectionRule);
        });
        var results = new List<SourceResult>();
        foreach (var (index, group) in groups.Index())
        {
            var ((first, model), (injectionFirst, injection), purpose) = (models[index], injections[index], purposes[index]);
            var kept = patterns.Kept(group).ToHashSet();
            foreach (var (kind, reworded) in rows.Where(r => r.Row.Group == group).Select(r => (r.Row.Kind, r.Row.Rephrased)).Distinct().Order())
            {
                var outcomes = Enumerable.Range(0, rows.Count).Where(i => rows[i].Row.Group == group && rows[i].Row.Kind == kind && rows[i].Row.Rephrased == reworded).Select(i =>
                {
                    var r = rows[i];
                    var byPattern = patterns.Matches(r.Row, kept);
                    var english = EnglishText.IsEnglish(r.Row.Text);
                    var englishRequest = EnglishText.IsEnglishRequest(r.Row.Text);
                    var reached = englishRequest && !HarmClassifierDetector.IsExempt(r.Row.Text) && first.Probability(r.Features) >= SentenceStage.Gate;
                    var byClassifier = (reached && model.Probability(sentenceRows[i].Features) >= model.Threshold
                        && purpose.Probability(sentenceRows[i].Features) < purpose.Threshold) || (!englishRequest && otherLanguages?.Blocks(r.Row.Text) == true);
                    var injectionReached = english && injectionFirst.Probability(r.Features) >= SentenceStage.Gate;
                    var byInjection = injectionReached && injection.Probability(sentenceRows[i].Features) >= injection.Threshold;
                    var byRules = _rules.Any(d => d.Detect(r.Row.Text, GuardrailStage.Input).Any(x => x.Action == GuardrailAction.Block));
                    return (byPattern, byClassifier, byRules, abstained: !englishRequest, reached: reached || injectionReached, byInjection);
                }).ToList();
                var result = new SourceResult(group, kind, reworded,
                    Rate.Of(outcomes.Select(o => o.byPattern || o.byClassifier || o.byRules || o.byInjection)),
                    Rate.Of(outcomes.Select(o => o.byPattern)), Rate.Of(outcomes.Select(o => o.byClassifier)),
                    Rate.Of(outcomes.Select(o => o.byRules)), Rate.Of(outcomes.Select(o => o.abstained)), model.Threshold, Rate.Of(outcomes.Select(o => o.reached)), Rate.Of(outcomes.Select(o => o.byInjection)));
                results.Add(result);
                progress?.Invoke($"{group,-14} {kind,-18}{(reworded ? " reworded" : ""),-9} blocked {result.Blocked,-18} patterns {result.ByPatterns,-16} classifier {result.ByClassifier,-16} injection {result.ByInjection,-16} sentence stage read {result.SecondStage,-16} (threshold {model.Threshold:0.000})");
            }
        }
        return results;
    }
}
