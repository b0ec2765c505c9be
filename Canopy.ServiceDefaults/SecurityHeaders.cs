using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The headers every Canopy response carries, error pages included: no MIME sniffing, no referrer, a
/// Content-Security-Policy, and HSTS on HTTPS outside Development (in a cluster the Route adds it, as TLS ends there).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For services that answer JSON, text and event streams only: nothing served by them may load, run or be framed.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Call first, so that the headers are set on every response, those written by the exception handler too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app, string contentSecurityPolicy = ApiPolicy)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            // Set when the response starts: an exception handler clears the headers of the response it replaces.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
