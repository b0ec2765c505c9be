using System.Collections.Concurrent;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.UnitTests.Guardrails;

/// <summary>The evaluation's fold models: each set of datasets left out trains one model, whatever order or extra datasets it is asked with.</summary>
public sealed class ModelCacheTests
{
    private readonly ConcurrentBag<string> _trained = [];

    private ModelCache Cache(IReadOnlySet<string>? trainsOn = null) => new(excluded =>
    {
        _trained.Add(string.Join("|", excluded.Order(StringComparer.Ordinal)));
        return new ClassifierModel { Means = [], Scales = [], HiddenWeights = [], HiddenBiases = [], OutputWeights = [], OutputBias = 0 };
    }, trainsOn);

    [Fact]
    public void A_pair_asked_for_in_either_order_is_trained_once()
    {
        var cache = Cache();

        var first = cache.Without("mmlu", "alpaca");
        var second = cache.Without("alpaca", "mmlu");

        Assert.Same(first, second);
        Assert.Equal(["alpaca|mmlu"], _trained);
    }

    [Fact]
    public void Leaving_out_a_dataset_the_model_never_trains_on_is_the_model_without_the_others()
    {
        var cache = Cache(new HashSet<string> { "mmlu", "alpaca", "ailuminate" });

        var all = cache.Without();
        Assert.Same(all, cache.Without("written-injections"));
        Assert.Same(all, cache.Without((string?)null));
        Assert.Same(cache.Without("mmlu"), cache.Without("written-injections", "mmlu"));
        Assert.NotSame(all, cache.Without("mmlu"));

        Assert.Equal(["", "mmlu"], _trained.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_the_datasets_it_trains_on_every_set_left_out_is_its_own_model()
    {
        var cache = Cache();

        Assert.NotSame(cache.Without(), cache.Without("written-injections"));
        Assert.Equal(2, _trained.Count);
    }
}
