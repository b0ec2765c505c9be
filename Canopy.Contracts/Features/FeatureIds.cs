namespace Canopy.Contracts.Features;

/// <summary>The ids of Canopy's features, as chat requests, feedback and the feature list name them.</summary>
public static class FeatureIds
{
    public const string InformationSearch = "information-search";
    public const string Summarize = "summarize";
    public const string SocraticTutor = "socratic-tutor";
    /// <summary>The agent: searches the course documents, finds professors and reads and writes the course calendar with tools.</summary>
    public const string StudentAssistant = "student-assistant";
    public const string Default = InformationSearch;

    public static readonly IReadOnlyList<string> All = [InformationSearch, Summarize, SocraticTutor, StudentAssistant];
}

/// <summary>Switches that are not features: admins turn them on and off on the same settings page.</summary>
public static class FlagIds
{
    /// <summary>Runs a feature's champion and challenger prompts side by side while the feature has a challenger.</summary>
    public const string AbTesting = "ab-testing";

    public static readonly IReadOnlyList<string> All = [AbTesting];
}
