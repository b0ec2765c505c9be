using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Admission;

/// <summary>What one user may ask of canopy-be (<c>Canopy:RateLimits</c>); over a limit the answer is 429 with Retry-After.</summary>
public sealed class UserLimitsOptions
{
    public const string Section = "Canopy:RateLimits";

    /// <summary>Chat turns (<c>POST /api/chat</c>) a user may start in one minute.</summary>
    [Range(1, 100_000)]
    public int ChatTurnsPerMinute { get; set; } = 20;

    /// <summary>Calls to the OpenAI-compatible front door (<c>/v1</c>) a user may make in one minute.</summary>
    [Range(1, 100_000)]
    public int OpenAiCallsPerMinute { get; set; } = 60;

    /// <summary>Answers streaming to one user at once (chat and <c>/v1/chat/completions</c> together).</summary>
    [Range(1, 1_000)]
    public int ConcurrentStreams { get; set; } = 2;

    /// <summary>What Retry-After says when the concurrent-stream limit refuses (a stream's end cannot be foreseen).</summary>
    [Range(1, 3600)]
    public int StreamRetryAfterSeconds { get; set; } = 5;
}
