using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Admission;

/// <summary>How many chat turns (from /api/chat and /v1/chat/completions together) run at once, and how many may wait.</summary>
public sealed class AdmissionOptions
{
    public const string Section = "Canopy:Admission";

    /// <summary>Turns answered at once; on 2 cores retrieval saturates near 8, so more only lengthens every turn.</summary>
    [Range(1, 10_000)]
    public int ConcurrentTurns { get; set; } = 8;

    /// <summary>Turns that wait for a slot (oldest first); one more is refused at once with 503 and Retry-After.</summary>
    [Range(0, 100_000)]
    public int QueuedTurns { get; set; } = 8;

    /// <summary>What Retry-After tells a refused caller.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;
}
