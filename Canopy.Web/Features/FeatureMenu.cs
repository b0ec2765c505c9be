using Canopy.Contracts.Features;

namespace Canopy.Web.Features;

public enum MenuSource { Api, NotOffered, Unreachable }

/// <summary>The features the UI offers: canopy-be's list, or only information search when canopy-be cannot say (an older canopy-be, or it is down).</summary>
public sealed record FeatureMenu(IReadOnlyList<FeatureFlag> Features, ProviderInfo? Provider, MenuSource Source)
{
    // Its generation settings are canopy-be's to choose, so the fallback states none.
    public static readonly FeatureFlag InformationSearch = new(FeatureIds.InformationSearch, "Information search",
        "Answers from your course documents, with sources.", Enabled: true, Model: null, Temperature: null, MaxTokens: null, MaxInputTokens: null, UsesRetrieval: true);

    /// <summary>What the picker says of the student assistant: what its tools can do, and that it asks before a write.</summary>
    public const string StudentAssistantDescription =
        "Searches your course documents, finds professors by expertise, and reads and writes your course calendar (it asks before changing anything).";

    public static FeatureMenu NotOffered { get; } = new([InformationSearch], null, MenuSource.NotOffered);

    public bool Unreachable => Source == MenuSource.Unreachable;

    /// <summary>Only a model that calls tools (vLLM or an endpoint) runs a feature that uses them; extracts and the in-process model cannot.</summary>
    public bool CallsTools => Provider?.CallsTools == true;

    public IEnumerable<FeatureFlag> Enabled => Features.Where(f => f.Enabled);

    /// <summary>What the picker shows: the enabled features the provider can run, each with the description the student reads.</summary>
    public IEnumerable<FeatureFlag> Offered => Enabled.Where(f => !f.UsesTools || CallsTools).Select(Described);

    public bool Offers(string id) => Offered.Any(f => f.Id == id);

    /// <summary>
    /// The feature to start with when <paramref name="requested"/> (a deep link) is asked for, and a short notice when it cannot
    /// be had; the first offered feature otherwise.
    /// </summary>
    public (string Feature, string? Notice) Choose(string? requested)
    {
        var fallback = Offers(FeatureIds.Default) ? FeatureIds.Default : Offered.FirstOrDefault()?.Id ?? FeatureIds.Default;
        if (string.IsNullOrEmpty(requested) || Offers(requested)) return (string.IsNullOrEmpty(requested) ? fallback : requested, null);
        var wanted = Features.FirstOrDefault(f => f.Id == requested);
        var name = Offered.FirstOrDefault(f => f.Id == fallback)?.Name ?? "information search";
        var notice = wanted is { Enabled: true, UsesTools: true }
            ? $"{wanted.Name} needs a model that calls tools, and the one answering now cannot: {name} is selected instead."
            : $"{wanted?.Name ?? "That feature"} is not available right now: {name} is selected instead.";
        return (fallback, notice);
    }

    private static FeatureFlag Described(FeatureFlag feature) =>
        feature.Id == FeatureIds.StudentAssistant ? feature with { Description = StudentAssistantDescription } : feature;
}
