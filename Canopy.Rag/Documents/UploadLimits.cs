using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Documents;

/// <summary>How many documents one user may upload in an hour (<c>Canopy:Rag:RateLimits</c>).</summary>
public sealed class UploadLimitsOptions
{
    public const string Section = "Canopy:Rag:RateLimits";

    [Range(1, 100_000)]
    public int UploadsPerHour { get; set; } = 60;
}

/// <summary>Uploads are limited per user (each one is embedded, the costliest work canopy-rag does); over the limit, 429.</summary>
public static class UploadLimits
{
    public const string Policy = "uploads";

    public static IHostApplicationBuilder AddUploadLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UploadLimitsOptions>().BindConfiguration(UploadLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(TooManyRequests.UserKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<UploadLimitsOptions>>().Value.UploadsPerHour,
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
            }));
            limiter.OnRejected = (rejected, _) => TooManyRequests.WriteAsync(rejected,
                $"Each user may upload {rejected.HttpContext.RequestServices.GetRequiredService<IOptions<UploadLimitsOptions>>().Value.UploadsPerHour} documents an hour.",
                TimeSpan.FromMinutes(1));
        });
        return builder;
    }
}
