namespace Canopy.Contracts.Features;

/// <summary>The ids of Canopy's features, as chat requests, feedback and the feature list name them.</summary>
public static class FeatureIds
{
    public const string InformationSearch = "information-search";
    public const string Summarize = "summarize";
    public const string SocraticTutor = "socratic-tutor";
    public const string Default = InformationSearch;

    public static readonly IReadOnlyList<string> All = [InformationSearch, Summarize, SocraticTutor];
}
