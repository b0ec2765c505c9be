using Microsoft.Net.Http.Headers;

namespace Canopy.Api.Retrieval;

/// <summary>
/// canopy-be searches on the user's behalf: it passes on the caller's bearer token (issued for canopy-be and canopy-rag),
/// so canopy-rag authorises the user, not a service that could search for anyone.
/// </summary>
public sealed class ForwardedBearerToken(IHttpContextAccessor context) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (context.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        return base.SendAsync(request, cancellationToken);
    }
}
