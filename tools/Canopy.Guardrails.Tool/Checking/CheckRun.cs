using Canopy.Api.Guardrails;
using Canopy.Guardrails.Tool.Evaluation;

namespace Canopy.Guardrails.Tool.Checking;

/// <summary>Texts checked at one stage for one feature, each with its result, in the order given.</summary>
public sealed record CheckRun(GuardrailStage Stage, string Feature, IReadOnlyList<CheckedText> Texts, IReadOnlyList<GuardrailResult> Results)
{
    public const int ProgressEvery = 1000;

    /// <summary>Checks every text, on every core (each check is independent); <paramref name="progress"/> hears every thousandth.</summary>
    public static async Task<CheckRun> RunAsync(GuardrailService service, IReadOnlyList<CheckedText> texts, GuardrailStage stage, string feature,
        Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new GuardrailResult[texts.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, texts.Count), cancellationToken, async (i, token) =>
        {
            results[i] = await service.CheckAsync(texts[i].Text, stage, feature, token);
            if (Interlocked.Increment(ref done) % ProgressEvery == 0) progress?.Invoke(done);
        });
        return new CheckRun(stage, feature, texts, results);
    }

    public Rate Share(GuardrailDecision decision) => Rate.Of(Results.Select(r => r.Decision == decision));

    /// <summary>How many texts each detector asked to block, most first.</summary>
    public IEnumerable<(string Detector, int Texts)> Blockers() =>
        Results.SelectMany(r => r.Detections.Where(d => d.Action == GuardrailAction.Block).Select(d => d.Detector).Distinct())
            .GroupBy(d => d).Select(g => (g.Key, g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>Blocked texts by group, in the order the groups first appear.</summary>
    public IEnumerable<(string Group, Rate Blocked)> BlockedByGroup() =>
        Texts.Zip(Results).Where(p => p.First.Group is not null).GroupBy(p => p.First.Group!)
            .Select(g => (g.Key, Rate.Of(g.Select(p => p.Second.IsBlocked))));
}
