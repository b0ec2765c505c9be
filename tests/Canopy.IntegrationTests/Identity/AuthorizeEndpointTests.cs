using System.Net;

namespace Canopy.IntegrationTests.Identity;

/// <summary>The authorization endpoint sends codes only to a client's registered redirect URI, and only with PKCE.</summary>
public sealed class AuthorizeEndpointTests(IdentityProviderFactory provider) : IClassFixture<IdentityProviderFactory>
{
    private static readonly Pkce Challenge = Pkce.Create();

    [Fact]
    public async Task The_UI_client_at_its_registered_redirect_URI_is_sent_to_the_login_page()
    {
        using var browser = provider.Browser();

        using var response = await browser.GetAsync(Authorize("canopy-ui", $"{IdentityProviderFactory.UiBaseUrl}/signin-oidc"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("canopy-ui", IdentityProviderFactory.UiBaseUrl + "/elsewhere")]
    [InlineData("canopy-ui", "http://evil.example/signin-oidc")]
    [InlineData("canopy-cli", "http://127.0.0.1/other")]
    public async Task Another_redirect_URI_is_refused_without_redirecting(string client, string redirectUri)
    {
        using var browser = provider.Browser();

        using var response = await browser.GetAsync(Authorize(client, redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_without_a_code_challenge_is_refused()
    {
        using var browser = provider.Browser();

        using var response = await browser.GetAsync(Authorize("canopy-cli", OidcSignIn.RedirectUri, pkce: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync());
    }

    private static string Authorize(string client, string redirectUri, bool pkce = true) =>
        "/connect/authorize?response_type=code&scope=openid&state=s" +
        $"&client_id={client}&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
        (pkce ? $"&code_challenge={Challenge.Challenge}&code_challenge_method=S256" : "");
}
