using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Admission;

/// <summary>Which of a user's limits an endpoint draws on (endpoint metadata read by the global limiter).</summary>
public sealed record UserLimitMetadata(params UserLimit[] Limits);

public enum UserLimit
{
    ChatTurns,
    OpenAiCalls,
    Streams,
}

/// <summary>
/// Per-user limits, chained as the rate limiter's global limiter so that they apply before (and beside) the shared
/// admission policy: a user over a limit gets 429, while a busy service still answers 503.
/// </summary>
public static class UserLimits
{
    public static TBuilder WithUserLimits<TBuilder>(this TBuilder endpoint, params UserLimit[] limits) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new UserLimitMetadata(limits));

    public static PartitionedRateLimiter<HttpContext> Create() => PartitionedRateLimiter.CreateChained(
        Limiter(UserLimit.ChatTurns, o => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.ChatTurnsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        })),
        Limiter(UserLimit.OpenAiCalls, o => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.OpenAiCallsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        })),
        Limiter(UserLimit.Streams, o => new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = o.ConcurrentStreams, QueueLimit = 0 })));

    private static PartitionedRateLimiter<HttpContext> Limiter(UserLimit limit, Func<UserLimitsOptions, RateLimiter> create) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.GetEndpoint()?.Metadata.GetMetadata<UserLimitMetadata>() is { } metadata && metadata.Limits.Contains(limit)
                ? RateLimitPartition.Get(TooManyRequests.UserKey(context), _ => create(context.RequestServices.GetRequiredService<IOptions<UserLimitsOptions>>().Value))
                : RateLimitPartition.GetNoLimiter(""));

    public static ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var o = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<UserLimitsOptions>>().Value;
        return TooManyRequests.WriteAsync(rejected,
            $"Each user may start {o.ChatTurnsPerMinute} chat turns and make {o.OpenAiCallsPerMinute} /v1 calls a minute, with {o.ConcurrentStreams} answers streaming at once.",
            TimeSpan.FromSeconds(o.StreamRetryAfterSeconds));
    }
}
