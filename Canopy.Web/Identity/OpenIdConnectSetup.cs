using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Canopy.Web.Identity;

/// <summary>Signs users in at canopy-identity with the authorization code flow and PKCE, keeping the tokens in the sign-in cookie.</summary>
internal sealed class OpenIdConnectSetup(IOptions<IdentityOptions> identity) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public static readonly string[] Scopes = ["openid", "profile", "roles", "canopy-be", "canopy-rag", "canopy-calendar"];

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name != OpenIdConnectDefaults.AuthenticationScheme) return;
        var settings = identity.Value;
        options.Authority = settings.Authority;
        options.RequireHttpsMetadata = settings.IsHttps;
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        // form_post would need an inline script on canopy-identity's page; the code comes back in the query instead.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.Scope.Clear();
        foreach (var scope in Scopes) options.Scope.Add(scope);
        options.SaveTokens = true;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.RoleClaimType = "role";
        // The callback is a top-level GET, so Lax cookies come back with it; SameAsRequest lets the local AppHost run on plain http.
        options.CorrelationCookie.SameSite = options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnTicketReceived = EndWithAccessToken;
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    /// <summary>There is no refresh: the session ends with the access token, so a stale token leads to a new sign-in, not to refused calls.</summary>
    private static Task EndWithAccessToken(TicketReceivedContext context)
    {
        if (context.Properties?.GetTokenValue("expires_at") is { } value
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt))
            context.Properties.ExpiresUtc = expiresAt;
        return Task.CompletedTask;
    }
}
