using Canopy.Api.ApiKeys;
using Microsoft.Net.Http.Headers;

namespace Canopy.Api.Retrieval;

/// <summary>
/// canopy-be searches on the user's behalf: it passes on the caller's access token (issued for canopy-be and canopy-rag),
/// so canopy-rag authorises the user, not a service that could search for anyone. A personal API key means nothing to
/// canopy-rag, so for its owner canopy-be searches with its own token, as it does for work of its own (evaluation runs).
/// </summary>
public sealed class ForwardedBearerToken(IHttpContextAccessor context, ServiceToken service) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (context.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var presented = authorization["Bearer ".Length..].Trim();
            var token = ApiKeySecrets.LooksLikeKey(presented) ? await service.GetAsync(cancellationToken) : presented;
            if (token is not null) request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, $"Bearer {token}");
        }
        else if (context.HttpContext is null && await service.GetAsync(cancellationToken) is { } own)
        {
            // No request behind this search (an evaluation run in the background): canopy-be searches as itself.
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, $"Bearer {own}");
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
