using System.Globalization;
using Canopy.Api.Prompts;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Evaluations;

/// <summary>
/// A version becomes champion only if its latest completed run scores no worse than the champion's latest completed run on the
/// same set (any set both have run on). Without runs to compare there is nothing to say, and promotion is allowed.
/// </summary>
public sealed class ScorePromotionCheck(IEvaluationStore store, EvaluationSets sets, IOptions<EvaluationOptions> options) : IPromotionCheck
{
    public async Task<string?> RefusalAsync(string feature, int champion, int candidate, CancellationToken cancellationToken)
    {
        if (!options.Value.PromotionRequiresNoWorseScore) return null;
        foreach (var set in await sets.ListAsync(cancellationToken))
        {
            var theirs = await store.LatestCompletedAsync(feature, champion, set.Name, cancellationToken);
            var ours = await store.LatestCompletedAsync(feature, candidate, set.Name, cancellationToken);
            if (theirs?.Score is not { } championScore || ours?.Score is not { } candidateScore || candidateScore >= championScore) continue;
            return string.Create(CultureInfo.InvariantCulture,
                $"Version {candidate} scored {candidateScore:0.###} on set '{set.Name}' (run {ours.Id}), worse than the champion, version {champion}, with {championScore:0.###} (run {theirs.Id}).");
        }
        return null;
    }
}
