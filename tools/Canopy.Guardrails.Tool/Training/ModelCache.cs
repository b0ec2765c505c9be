using System.Collections.Concurrent;
using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// Models by the set of datasets left out of their training: nested leave-one-out asks for the model without
/// {g, h} both as fold g's inner model for h and as fold h's inner model for g, and trains it once. With
/// <paramref name="trainsOn"/>, the datasets that have rows the model trains on, leaving out any other dataset changes
/// nothing, so it is not part of the key: the model without a dataset it never trains on is the model without none.
/// </summary>
public sealed class ModelCache(Func<IReadOnlySet<string>, ClassifierModel> train, IReadOnlySet<string>? trainsOn = null)
{
    private readonly ConcurrentDictionary<string, Lazy<ClassifierModel>> _models = new();

    public ClassifierModel Without(params string?[] groups)
    {
        var key = string.Join("|", groups.Where(g => g is not null && (trainsOn is null || trainsOn.Contains(g))).Distinct().Order(StringComparer.Ordinal));
        return _models.GetOrAdd(key, _ => new Lazy<ClassifierModel>(() => train(new HashSet<string>(key.Split('|', StringSplitOptions.RemoveEmptyEntries))))).Value;
    }
}
