using System.Collections.Concurrent;
using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// Models by the set of datasets left out of their training: nested leave-one-out asks for the model without
/// {g, h} both as fold g's inner model for h and as fold h's inner model for g, and trains it once.
/// </summary>
public sealed class ModelCache(Func<IReadOnlySet<string>, ClassifierModel> train)
{
    private readonly ConcurrentDictionary<string, Lazy<ClassifierModel>> _models = new();

    public ClassifierModel Without(params string[] groups)
    {
        var key = string.Join("|", groups.Where(g => g is not null).Distinct().Order(StringComparer.Ordinal));
        return _models.GetOrAdd(key, _ => new Lazy<ClassifierModel>(() => train(new HashSet<string>(key.Split('|', StringSplitOptions.RemoveEmptyEntries))))).Value;
    }
}
