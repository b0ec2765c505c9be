using System.Net;

namespace Canopy.IntegrationTests.Identity;

/// <summary>The login page: its policy lets the form post and redirect on to the UI; it sends users back to this site only.</summary>
public sealed class LoginPageTests(IdentityProviderFactory provider) : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task The_login_page_runs_nothing_and_may_post_here_and_on_to_the_UI()
    {
        using var browser = provider.Browser();

        using var response = await browser.GetAsync("/account/login?ReturnUrl=%2Fconnect%2Fauthorize");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"form-action 'self' {IdentityProviderFactory.UiBaseUrl};", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);
        Assert.Contains("__RequestVerificationToken", html);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/login.css")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_URL_on_another_site_is_refused_and_signs_nobody_in(string returnUrl)
    {
        using var browser = provider.Browser();
        var form = await LoginFormAsync(browser);
        var fields = form.HiddenFields.ToDictionary();
        fields["ReturnUrl"] = returnUrl;
        fields["UserName"] = "student";
        fields["Password"] = IdentityProviderFactory.Passwords["student"];

        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".canopy-identity=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}")).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_as_a_bad_request()
    {
        using var browser = provider.Browser();
        await LoginFormAsync(browser);

        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "student", ["Password"] = IdentityProviderFactory.Passwords["student"], ["ReturnUrl"] = "/connect/authorize",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private static async Task<LoginPageForm> LoginFormAsync(HttpClient browser) =>
        LoginPageForm.Parse(await browser.GetStringAsync("/account/login")) ?? throw new InvalidOperationException("The login page has no form.");
}
