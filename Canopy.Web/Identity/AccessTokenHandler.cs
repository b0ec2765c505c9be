using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Canopy.Web.Identity;

/// <summary>
/// Sends the signed-in user's access token to canopy-be and canopy-rag. Without a valid token, or when the service answers 401,
/// the call comes back 401 and the circuit's <see cref="SessionExpiry"/> is set.
/// </summary>
internal sealed class AccessTokenHandler(IHttpContextAccessor httpContextAccessor, CircuitServicesAccessor circuit) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await AccessTokenAsync() is not { } token)
        {
            MarkExpired();
            return new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request, Content = new StringContent("") };
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized) MarkExpired();
        return response;
    }

    /// <remarks>
    /// Safe on the circuit as in Microsoft's Blazor OIDC server sample: HttpContext is the page request while prerendering, then the
    /// circuit's SignalR connection request, which carried the same sign-in cookie; the token is read on the server and never sent to the browser.
    /// </remarks>
    private async Task<string?> AccessTokenAsync()
    {
        if (httpContextAccessor.HttpContext is not { } context) return null;
        var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Properties.GetTokenValue("access_token") is not { Length: > 0 } token) return null;
        // The cookie of a long-lived circuit is read once; a token past its lifetime is not sent to be refused.
        var expiresAt = result.Properties.GetTokenValue("expires_at");
        return expiresAt is not null && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            && expires <= DateTimeOffset.UtcNow ? null : token;
    }

    private void MarkExpired() =>
        (circuit.Services ?? httpContextAccessor.HttpContext?.RequestServices)?.GetService<SessionExpiry>()?.MarkExpired();
}
