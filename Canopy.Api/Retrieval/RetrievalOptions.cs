using System.ComponentModel.DataAnnotations;
using Canopy.Contracts;

namespace Canopy.Api.Retrieval;

public sealed class RetrievalOptions
{
    public const string Section = "Canopy:Retrieval";

    /// <summary>canopy-rag's address; service discovery resolves the logical name.</summary>
    [Required]
    public string ServiceUri { get; set; } = "https+http://canopy-rag";

    [Range(RequestLimits.MinTopK, RequestLimits.MaxTopK)]
    public int TopK { get; set; } = 5;

    /// <summary>
    /// Longest wait for one search: a stalled canopy-rag must not hold a chat for long, yet the first searches of a
    /// cold canopy-rag on a busy 2-core machine took up to 1.5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Failed searches (at least 2, at least half of those in 10 s) open the circuit for this long: chats then fail at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for canopy-rag's /health in canopy-be's own health report.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
