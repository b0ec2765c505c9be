using System.Net;

namespace Canopy.IntegrationTests.Identity;

/// <summary>Logout ends the provider's session and returns only to a registered post-logout URI.</summary>
public sealed class LogoutTests(IdentityProviderFactory provider) : IClassFixture<IdentityProviderFactory>
{
    private const string UiSignedOut = IdentityProviderFactory.UiBaseUrl + "/signout-callback-oidc";

    [Fact]
    public async Task Logout_returns_to_the_UI_and_the_next_sign_in_asks_for_the_password_again()
    {
        using var browser = provider.Browser();
        await OidcSignIn.SignInAsync(browser, "student", IdentityProviderFactory.Passwords["student"]);

        using var logout = await browser.GetAsync($"/connect/logout?client_id=canopy-ui&post_logout_redirect_uri={Uri.EscapeDataString(UiSignedOut)}");

        Assert.Equal(HttpStatusCode.Found, logout.StatusCode);
        Assert.Equal(UiSignedOut, logout.Headers.Location!.ToString());
        // Signed out: the same client must show the login page again, so a wrong password fails.
        var failure = await Assert.ThrowsAsync<OidcSignInException>(() => OidcSignIn.SignInAsync(browser, "student", "wrong"));
        Assert.Contains("The user name or password is wrong.", failure.Message);
    }

    [Fact]
    public async Task Logout_refuses_an_unregistered_return_address()
    {
        using var browser = provider.Browser();

        using var logout = await browser.GetAsync($"/connect/logout?post_logout_redirect_uri={Uri.EscapeDataString("http://evil.example/")}");

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Null(logout.Headers.Location);
    }
}
