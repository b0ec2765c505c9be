using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Feedback;

public sealed class FeedbackOptions
{
    public const string Section = "Canopy:Feedback";

    /// <summary>Directory of the feedback database; relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = ".canopy-data";
}
