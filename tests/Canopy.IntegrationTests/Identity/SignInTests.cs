using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Canopy.IntegrationTests.Identity;

/// <summary>Each seeded user signs in through the real code flow and gets a JWT access token for both APIs.</summary>
public sealed class SignInTests(IdentityProviderFactory provider) : IClassFixture<IdentityProviderFactory>
{
    [Theory]
    [InlineData("student")]
    [InlineData("instructor")]
    [InlineData("admin")]
    public async Task A_seeded_user_gets_a_signed_JWT_naming_it_its_role_and_every_API(string user)
    {
        using var browser = provider.Browser();

        var tokens = await OidcSignIn.SignInAsync(browser, user, IdentityProviderFactory.Passwords[user]);

        var access = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("RS256", access.Alg);
        Assert.Equal(user, access.Subject);
        Assert.Equal(user, access.GetClaim("name").Value);
        Assert.Equal(user, access.GetClaim("role").Value);
        Assert.Equal(["canopy-be", "canopy-calendar", "canopy-rag"], access.Audiences.Order());
        Assert.NotNull(tokens.IdentityToken);
        Assert.Null(tokens.RefreshToken);
    }

    [Fact]
    public async Task With_offline_access_a_refresh_token_gives_a_new_access_token_for_the_same_user()
    {
        using var browser = provider.Browser();
        var tokens = await OidcSignIn.SignInAsync(browser, "student", IdentityProviderFactory.Passwords["student"], CancellationToken.None,
            OidcSignIn.DefaultScope + " offline_access");
        Assert.NotNull(tokens.RefreshToken);

        var refreshed = await OidcSignIn.RefreshAsync(browser, tokens.RefreshToken);

        var access = new JsonWebToken(refreshed.AccessToken);
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        Assert.Equal("student", access.Subject);
        Assert.Equal("student", access.GetClaim("role").Value);
        Assert.Equal(["canopy-be", "canopy-calendar", "canopy-rag"], access.Audiences.Order());
    }

    [Fact]
    public async Task The_userinfo_endpoint_answers_the_user_of_an_access_token()
    {
        using var browser = provider.Browser();
        var tokens = await OidcSignIn.SignInAsync(browser, "instructor", IdentityProviderFactory.Passwords["instructor"]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken) } };
        using var response = await browser.SendAsync(request);

        response.EnsureSuccessStatusCode();
        var claims = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal(new Dictionary<string, string> { ["sub"] = "instructor", ["name"] = "instructor", ["role"] = "instructor" }, claims);
    }

    [Theory]
    [InlineData("student", "not-the-password")]
    [InlineData("student", "")]
    [InlineData("nobody", "student-password-1")]
    public async Task A_wrong_user_name_or_password_gets_no_token_and_says_so(string user, string password)
    {
        using var browser = provider.Browser();

        var failure = await Assert.ThrowsAsync<OidcSignInException>(() => OidcSignIn.SignInAsync(browser, user, password));

        Assert.Contains("The user name or password is wrong.", failure.Message);
    }
}
