using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Experiments;

/// <summary>How many decided votes an A/B verdict needs (<c>Canopy:AbTests</c>); preferences are kept next to the prompt registry.</summary>
public sealed class AbTestOptions
{
    public const string Section = "Canopy:AbTests";

    /// <summary>Below this many votes for one side or the other, no winner is declared however lopsided they are.</summary>
    [Range(1, 100_000)]
    public int MinimumDecidedVotes { get; set; } = 10;
}
