using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.ApiKeys;

/// <summary>Where personal API keys are kept (<c>Canopy:ApiKeys</c>): their hashes, owners and names, in SQLite.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Canopy:ApiKeys";

    [Required]
    public string DataPath { get; set; } = ".canopy-data";
}
