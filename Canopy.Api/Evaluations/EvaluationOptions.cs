using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Evaluations;

/// <summary>Where evaluation runs are kept and how they gate promotion (<c>Canopy:Evaluations</c>).</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Canopy:Evaluations";

    /// <summary>Directory of <c>evaluations.db</c>; relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = ".canopy-data";

    /// <summary>Refuse to make a version champion when its latest run on a set scores below the champion's latest run on that set.</summary>
    public bool PromotionRequiresNoWorseScore { get; set; } = true;

    /// <summary>Most cases one run takes; a larger set is refused rather than tying up the model for hours.</summary>
    [Range(1, 10_000)]
    public int MaxCasesPerRun { get; set; } = 500;

    /// <summary>Longest one case may take, turn and judges together; a case over it is scored as failed and the run goes on.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan CaseTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Least cosine similarity between an answer sentence and a passage sentence for the sentence to count as supported.</summary>
    [Range(0.0, 1.0)]
    public double GroundednessThreshold { get; set; } = 0.8;
}
