using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Retrieval;

public sealed class RetrievalOptions
{
    public const string Section = "Canopy:Retrieval";

    /// <summary>canopy-rag's address; service discovery resolves the logical name.</summary>
    [Required]
    public string ServiceUri { get; set; } = "https+http://canopy-rag";

    [Range(1, 50)]
    public int TopK { get; set; } = 5;
}
