using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Admission;

/// <summary>
/// Back-pressure: chat turns share one concurrency limiter with a bounded queue. When both are full a turn is refused
/// at once (503, Retry-After, problem details) instead of waiting behind an ever longer queue.
/// </summary>
public static class AdmissionExtensions
{
    public const string ChatTurnsPolicy = "chat-turns";

    public static IHostApplicationBuilder AddAdmission(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdmissionOptions>().BindConfiguration(AdmissionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<UserLimitsOptions>().BindConfiguration(UserLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = UserLimits.Create();
            limiter.OnRejected = UserLimits.RefuseAsync;
            limiter.AddPolicy(ChatTurnsPolicy, new AdmissionPolicy());
        });
        return builder;
    }

    public static WebApplication UseAdmission(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    public static TBuilder RequireChatAdmission<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireRateLimiting(ChatTurnsPolicy);

    /// <summary>One partition for every endpoint of the policy: /api/chat and /v1 draw on the same slots.</summary>
    private sealed class AdmissionPolicy : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RefuseAsync;

        public RateLimitPartition<string> GetPartition(HttpContext context) => RateLimitPartition.GetConcurrencyLimiter(ChatTurnsPolicy, _ =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<AdmissionOptions>>().Value;
            return new ConcurrencyLimiterOptions
            {
                PermitLimit = options.ConcurrentTurns,
                QueueLimit = options.QueuedTurns,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            };
        });
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = http.RequestServices.GetRequiredService<IOptions<AdmissionOptions>>().Value.RetryAfterSeconds;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ApiTelemetry.ChatTurnsShed.Add(1);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new()
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Canopy is busy.",
                Detail = $"Canopy is answering as many questions as it can right now. Please try again in {retryAfter} s.",
            },
        });
    }
}
