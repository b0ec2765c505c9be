using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>A user over one of their limits gets 429, Retry-After and problem details that say which limits apply.</summary>
public static class TooManyRequests
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, string detail, TimeSpan retryAfterWithoutEstimate)
    {
        var http = rejected.HttpContext;
        // Windows know when they reopen; a concurrency limit does not, so the caller gets the configured hint.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var estimate) ? estimate : retryAfterWithoutEstimate;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new()
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"{detail} Try again in {seconds} s.",
            },
        });
    }

    /// <summary>The partition of the signed-in caller: the provider's subject (in memory only, never logged).</summary>
    public static string UserKey(HttpContext context) => context.User.FindFirst("sub")?.Value ?? "";
}
