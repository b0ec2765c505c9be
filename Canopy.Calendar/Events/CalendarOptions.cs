using System.ComponentModel.DataAnnotations;

namespace Canopy.Calendar.Events;

public sealed class CalendarOptions
{
    public const string Section = "Canopy:Calendar";

    /// <summary>Directory of the calendar database; relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = ".canopy-data";
}
