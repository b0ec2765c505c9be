using System.Net;
using System.Text.Json;

namespace Canopy.IntegrationTests.Identity;

/// <summary>A code is redeemed only with the PKCE verifier of its request, and only once.</summary>
public sealed class TokenEndpointTests(IdentityProviderFactory provider) : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task A_code_without_its_PKCE_verifier_is_refused()
    {
        using var browser = provider.Browser();
        var authorization = await OidcSignIn.AuthorizeAsync(browser, "student", IdentityProviderFactory.Passwords["student"]);

        var (status, error) = await RedeemAsync(browser, authorization, verifier: null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        // A missing parameter is invalid_request (RFC 6749 5.2); a verifier that does not match is invalid_grant (below).
        Assert.Equal("invalid_request", error);
    }

    [Fact]
    public async Task A_code_with_another_verifier_is_refused_as_an_invalid_grant()
    {
        using var browser = provider.Browser();
        var authorization = await OidcSignIn.AuthorizeAsync(browser, "student", IdentityProviderFactory.Passwords["student"]);

        var (status, error) = await RedeemAsync(browser, authorization, verifier: Pkce.Create().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error);
    }

    [Fact]
    public async Task A_code_is_redeemed_once()
    {
        using var browser = provider.Browser();
        var authorization = await OidcSignIn.AuthorizeAsync(browser, "admin", IdentityProviderFactory.Passwords["admin"]);
        await OidcSignIn.ExchangeAsync(browser, authorization);

        var (status, error) = await RedeemAsync(browser, authorization, authorization.CodeVerifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error);
    }

    private static async Task<(HttpStatusCode Status, string? Error)> RedeemAsync(HttpClient client, OidcAuthorization authorization, string? verifier)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = OidcSignIn.ClientId,
            ["code"] = authorization.Code, ["redirect_uri"] = authorization.RedirectUri,
        };
        if (verifier is not null) form["code_verifier"] = verifier;
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null);
    }
}
