using Canopy.IntegrationTests.Reliability;
using Microsoft.Extensions.Logging;

namespace Canopy.IntegrationTests.Identity;

/// <summary>A seeded user without a configured password cannot sign in; the provider names it once at start, and logs no secret.</summary>
public sealed class UnconfiguredUserTests
{
    [Fact]
    public async Task A_user_without_a_password_cannot_sign_in_and_is_named_in_one_warning()
    {
        var logs = new CapturedLogs();
        using var provider = IdentityProviderFactory.With(settings => settings.Remove("Identity:Users:instructor:Password"));
        using var configured = provider.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));

        foreach (var password in new[] { "", IdentityProviderFactory.Passwords["instructor"] })
        {
            using var browser = Browser(configured);
            var failure = await Assert.ThrowsAsync<OidcSignInException>(() => OidcSignIn.SignInAsync(browser, "instructor", password));
            Assert.Contains("The user name or password is wrong.", failure.Message);
        }
        using var student = Browser(configured);
        var tokens = await OidcSignIn.SignInAsync(student, "student", IdentityProviderFactory.Passwords["student"], CancellationToken.None,
            OidcSignIn.DefaultScope + " offline_access");

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("No password"));
        Assert.Contains("instructor", warning.Message);
        string[] secrets = [.. IdentityProviderFactory.Passwords.Values, IdentityProviderFactory.UiSecret, IdentityProviderFactory.ServiceSecret, tokens.AccessToken, tokens.RefreshToken!, tokens.IdentityToken!];
        Assert.All(logs.Entries, e => Assert.DoesNotContain(secrets, s => e.Message.Contains(s, StringComparison.Ordinal)));
    }

    private static HttpClient Browser(WebApplicationFactory<Canopy.Identity.Users.UserDirectory> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
