using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Prompts;

/// <summary>Where the prompt registry is kept (<c>Canopy:Prompts</c>).</summary>
public sealed class PromptOptions
{
    public const string Section = "Canopy:Prompts";

    [Required]
    public string DataPath { get; set; } = ".canopy-data";
}
