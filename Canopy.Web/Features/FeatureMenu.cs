using Canopy.Contracts.Features;

namespace Canopy.Web.Features;

public enum MenuSource { Api, NotOffered, Unreachable }

/// <summary>The features the UI offers: canopy-be's list, or only information search when canopy-be cannot say (an older canopy-be, or it is down).</summary>
public sealed record FeatureMenu(IReadOnlyList<FeatureFlag> Features, ProviderInfo? Provider, MenuSource Source)
{
    // Its generation settings are canopy-be's to choose, so the fallback states none.
    public static readonly FeatureFlag InformationSearch = new(FeatureIds.InformationSearch, "Information search",
        "Answers from your course documents, with sources.", Enabled: true, Model: null, Temperature: null, MaxTokens: null, MaxInputTokens: null, UsesRetrieval: true);

    public static FeatureMenu NotOffered { get; } = new([InformationSearch], null, MenuSource.NotOffered);

    public bool Unreachable => Source == MenuSource.Unreachable;

    public IEnumerable<FeatureFlag> Enabled => Features.Where(f => f.Enabled);
}
