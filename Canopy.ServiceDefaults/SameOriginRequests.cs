using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Refuses every request but a read (GET, HEAD) that a browser sends from another origin: a page elsewhere posting a
/// form or a file to canopy-rag on localhost, say. The services are called by other services, which send neither
/// <c>Origin</c> nor <c>Sec-Fetch-Site</c>, so there is no CORS policy to open; reads stay open so that following a link
/// (from the dashboard, for one) works, and without CORS another origin cannot read what they answer.
/// </summary>
public static class SameOriginRequests
{
    public static WebApplication UseSameOriginRequestsOnly(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (CrossOriginReason(context.Request) is not { } reason)
            {
                await next(context);
                return;
            }
            await TypedResults.Problem(
                $"Requests from another origin are not accepted ({reason}).", statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-origin request refused").ExecuteAsync(context);
        });
        return app;
    }

    internal static string? CrossOriginReason(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) return null;
        // Sent by every current browser; "same-site" still means another origin (another port of localhost, for one).
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site") return $"Sec-Fetch-Site: {site}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return null;
        return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase) ? null : $"Origin: {origin}";
    }
}
