using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>A block rate on one dataset and kind (its rows as written, or reworded into the other framing), and what did the blocking.</summary>
public sealed record SourceResult(string Group, RowKind Kind, bool Reworded, Rate Blocked, Rate ByPatterns, Rate ByClassifier, Rate ByRules, Rate Abstained, double Threshold);

/// <summary>
/// Leave-one-source-out evaluation of the input stage as canopy-be runs it for information search: phrasing
/// patterns, the harmful-request classifier, HAP and the built-in topic policy. For each dataset in turn, the patterns are re-selected and the
/// classifier retrained (threshold included) without it, then measured on it: on its rows as written, and on its
/// English rows reworded into the other framing (<see cref="Rephrasing"/>), which tells whether a question-shaped
/// attack is still caught when it comes as an instruction.
/// </summary>
public sealed class InputEvaluation(IReadOnlyList<Featured> rows, PatternSelection patterns, TrainerSettings settings, ThresholdRule rule, MiniLmTokens vocabulary)
{
    // The rule-based detectors of the input stage that nothing here trains: HAP, the built-in topic policy, adversarial suffixes.
    private readonly IGuardrailDetector[] _rules = [new HapDetector(vocabulary), new TopicPolicyDetector(), new AdversarialSuffixDetector()];

    private ModelCache? _cache;

    private ModelCache Cache => _cache ??= new ModelCache(excluded =>
    {
        var training = rows.Where(r => HarmTask.Trains(r.Row) && !excluded.Contains(r.Row.Group)).ToList();
        return ClassifierTrainer.Train([.. training.Select(r => r.Features)], [.. training.Select(r => r.Row.IsAttack)],
            HarmTask.Weights([.. training.Select(r => r.Row)]), settings);
    });

    /// <summary>The classifier trained without <paramref name="heldOut"/>, its threshold chosen without it too.</summary>
    public ClassifierModel ModelWithout(string? heldOut)
    {
        var model = Cache.Without(heldOut!);
        var benignGroups = rows.Where(r => HarmTask.Trains(r.Row) && !r.Row.IsAttack && r.Row.Group != heldOut).Select(r => r.Row.Group).Distinct().ToList();
        var instructionScores = new List<double>();
        var studentScores = new List<double>();
        foreach (var group in benignGroups)
        {
            var inner = Cache.Without(heldOut!, group);
            if (HarmTask.HardNegativeDatasets.Contains(group)) continue;
            foreach (var r in rows.Where(r => r.Row.Group == group && HarmTask.Trains(r.Row) && !r.Row.IsAttack && !r.Row.Rephrased))
                (r.Row.Kind == RowKind.StudentQuestion ? studentScores : instructionScores).Add(inner.Probability(r.Features));
        }
        var threshold = rule.Choose(instructionScores, studentScores);
        return new ClassifierModel
        {
            Means = model.Means, Scales = model.Scales, HiddenWeights = model.HiddenWeights, HiddenBiases = model.HiddenBiases,
            OutputWeights = model.OutputWeights, OutputBias = model.OutputBias, Threshold = threshold,
        };
    }

    public IReadOnlyList<SourceResult> Run(Action<string>? progress = null)
    {
        var groups = rows.Select(r => r.Row.Group).Distinct().Order(StringComparer.Ordinal).ToArray();
        // Folds train in parallel; results are reported in the datasets' order.
        var models = new ClassifierModel[groups.Length];
        Parallel.For(0, groups.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => models[i] = ModelWithout(groups[i]));
        var results = new List<SourceResult>();
        foreach (var (group, model) in groups.Zip(models))
        {
            var kept = patterns.Kept(group).ToHashSet();
            foreach (var (kind, reworded) in rows.Where(r => r.Row.Group == group).Select(r => (r.Row.Kind, r.Row.Rephrased)).Distinct().Order())
            {
                var outcomes = rows.Where(r => r.Row.Group == group && r.Row.Kind == kind && r.Row.Rephrased == reworded).Select(r =>
                {
                    var byPattern = patterns.Matches(r.Row, kept);
                    var english = EnglishText.IsEnglish(r.Row.Text);
                    var byClassifier = english && !ProtectiveRequest.Matches(r.Row.Text) && model.Probability(r.Features) >= model.Threshold;
                    var byRules = _rules.Any(d => d.Detect(r.Row.Text, GuardrailStage.Input).Any(x => x.Action == GuardrailAction.Block));
                    return (byPattern, byClassifier, byRules, abstained: !english);
                }).ToList();
                var result = new SourceResult(group, kind, reworded,
                    Rate.Of(outcomes.Select(o => o.byPattern || o.byClassifier || o.byRules)),
                    Rate.Of(outcomes.Select(o => o.byPattern)), Rate.Of(outcomes.Select(o => o.byClassifier)),
                    Rate.Of(outcomes.Select(o => o.byRules)), Rate.Of(outcomes.Select(o => o.abstained)), model.Threshold);
                results.Add(result);
                progress?.Invoke($"{group,-14} {kind,-18}{(reworded ? " reworded" : ""),-9} blocked {result.Blocked,-18} patterns {result.ByPatterns,-16} classifier {result.ByClassifier,-16} (threshold {model.Threshold:0.000})");
            }
        }
        return results;
    }
}
