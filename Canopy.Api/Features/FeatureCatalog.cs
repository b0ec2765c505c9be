using Canopy.Contracts.Features;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Features;

/// <summary>Canopy's features with their effective settings (defaults overlaid with <c>Canopy:Features</c>).</summary>
public sealed class FeatureCatalog(IOptionsMonitor<FeatureSettings> settings, IOptionsMonitor<FlagOptions> flags, FeatureSwitches switches)
{
    public const string InformationSearch = FeatureIds.InformationSearch;
    public const string Summarize = FeatureIds.Summarize;
    public const string SocraticTutor = FeatureIds.SocraticTutor;
    public const string StudentAssistant = FeatureIds.StudentAssistant;
    public const string Default = FeatureIds.Default;

    public static IReadOnlyList<string> Ids => FeatureIds.All;

    public FeatureSettings Get(string id) => settings.Get(id);

    public IEnumerable<(string Id, FeatureSettings Settings)> All() => Ids.Select(id => (id, Get(id)));

    /// <summary>On or off now: an admin's setting (<see cref="FeatureSwitches"/>) wins over configuration.</summary>
    public bool IsEnabled(string id) => switches.Of(id) ?? Get(id).Enabled;

    /// <summary>Whether a flag (<see cref="FlagIds"/>) is on now: an admin's setting wins over <c>Canopy:Flags</c>.</summary>
    public bool IsFlagOn(string id) => switches.Of(id) ?? flags.Get(id).Enabled;

    /// <summary>The ids an admin can switch: the features, then the flags.</summary>
    public static IEnumerable<string> Switchable => Ids.Concat(FlagIds.All);

    public FeatureSwitchInfo Switch(string id) => FlagIds.All.Contains(id)
        ? new(id, flags.Get(id).Name, IsFlagOn(id), flags.Get(id).Enabled, switches.Of(id) is not null)
        : new(id, Get(id).Name, IsEnabled(id), Get(id).Enabled, switches.Of(id) is not null);

    /// <summary>Null when the feature exists and is enabled, else why it cannot be used.</summary>
    public string? Refusal(string? id) =>
        id is null ? null
        : !Ids.Contains(id) ? $"Unknown feature '{id}'. Available: {string.Join(", ", Ids)}."
        : !IsEnabled(id) ? $"The feature '{id}' is turned off."
        : null;

    /// <summary>The defaults each feature starts from before configuration.</summary>
    public static void ApplyDefaults(string id, FeatureSettings s)
    {
        switch (id)
        {
            case InformationSearch:
                (s.Name, s.Description, s.Prompt, s.UsesRetrieval) = ("Information search",
                    "Answers questions from your course documents, with citations.", FeaturePrompts.InformationSearch, true);
                break;
            case Summarize:
                (s.Name, s.Description, s.Prompt, s.UsesRetrieval, s.MaxTokens, s.MaxInputTokens) = ("Summarize",
                    "Summarises a text you paste in.", FeaturePrompts.Summarize, false, 400, 3000);
                break;
            case SocraticTutor:
                (s.Name, s.Description, s.Prompt, s.UsesRetrieval, s.Temperature) = ("Socratic tutor",
                    "Guides you to the answer with questions instead of giving it outright.", FeaturePrompts.SocraticTutor, true, 0.5f);
                break;
            case StudentAssistant:
                (s.Name, s.Description, s.Prompt, s.UsesRetrieval, s.UsesTools, s.MaxTokens) = ("Student assistant",
                    "Searches your course documents, finds professors and reads and writes your course calendar.", FeaturePrompts.StudentAssistant, false, true, 700);
                break;
        }
    }
}
