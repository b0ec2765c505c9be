using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Canopy.Api.ApiKeys;

/// <summary>
/// Authenticates <c>Authorization: Bearer cnp_…</c> as the key's owner, with the owner's role when the key was made. Only
/// the front door's policy asks for this scheme; everywhere else an API key is not a token and gets 401.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "canopy.api_key.id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!ApiKeySecrets.LooksLikeKey(secret)) return AuthenticateResult.NoResult();
        if (await keys.FindActiveAsync(secret, Context.RequestAborted) is not var (id, owner))
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        var identity = new ClaimsIdentity(
            [new Claim("sub", owner.Subject), new Claim("name", owner.Name), new Claim("role", owner.Role), new Claim(KeyIdClaim, id)],
            SchemeName, "name", "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
