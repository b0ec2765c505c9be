using Microsoft.Extensions.Options;

namespace Canopy.IntegrationTests.Identity;

/// <summary>Configuration mistakes stop the provider at start, each named by its key.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void Outside_Development_the_provider_refuses_to_start_without_a_signing_certificate()
    {
        using var provider = IdentityProviderFactory.With(_ => { }, environment: "Production");

        var failure = Assert.Throws<OptionsValidationException>(() => provider.Server);

        Assert.Contains("Identity:SigningCertificate:Path is required outside Development", failure.Message);
    }

    [Fact]
    public void An_unknown_user_a_malformed_UI_URL_and_a_missing_UI_secret_are_each_reported()
    {
        using var provider = IdentityProviderFactory.With(s =>
        {
            s["Identity:Users:mallory:Password"] = "x";
            s["Identity:UiClient:BaseUrl"] = "localhost:5123";
        });
        using var noSecret = IdentityProviderFactory.With(s => s.Remove("Identity:UiClient:Secret"));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.Server);
        var secret = Assert.Throws<OptionsValidationException>(() => noSecret.Server);

        Assert.Contains("Identity:Users:mallory is not a Canopy user; the users are student, instructor, admin.", failure.Message);
        Assert.Contains("Identity:UiClient:BaseUrl must be an absolute http(s) URL", failure.Message);
        Assert.Contains("Identity:UiClient:Secret is required", secret.Message);
    }

    [Fact]
    public void A_service_client_secret_shorter_than_16_characters_is_reported()
    {
        using var provider = IdentityProviderFactory.With(s => s["Identity:ServiceClient:Secret"] = "fifteen-chars-x");

        var failure = Assert.Throws<OptionsValidationException>(() => provider.Server);

        Assert.Contains("Identity:ServiceClient:Secret must be at least 16 characters long", failure.Message);
    }
}
