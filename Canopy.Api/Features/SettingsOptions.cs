using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Features;

/// <summary>Where the settings admins change at run time are kept (<c>Canopy:Settings</c>), in SQLite.</summary>
public sealed class SettingsOptions
{
    public const string Section = "Canopy:Settings";

    [Required]
    public string DataPath { get; set; } = ".canopy-data";
}
