using Canopy.TestUtilities.Files;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Canopy.IntegrationTests.Identity;

/// <summary>Outside Development the provider signs with the configured PFX, and serves plain HTTP only when told to.</summary>
public sealed class SigningCertificateTests : IDisposable
{
    private const string CertificatePassword = "pfx-test-password";
    private readonly string _directory = TestDirectory.Create("canopy-identity-pfx-");

    [Fact]
    public async Task With_a_configured_PFX_tokens_are_signed_by_it()
    {
        var certificate = CreatePfx();
        using var provider = IdentityProviderFactory.With(s =>
        {
            s["Identity:SigningCertificate:Path"] = Path.Combine(_directory, "signing.pfx");
            s["Identity:SigningCertificate:Password"] = CertificatePassword;
            s["Identity:AllowHttp"] = "true";
        }, environment: "Production");
        using var browser = provider.Browser();

        var tokens = await OidcSignIn.SignInAsync(browser, "student", IdentityProviderFactory.Passwords["student"]);

        Assert.Equal(certificate.Thumbprint, new JsonWebToken(tokens.AccessToken).Kid);
    }

    [Fact]
    public async Task Outside_Development_plain_HTTP_is_refused_unless_allowed()
    {
        CreatePfx();
        using var provider = IdentityProviderFactory.With(s =>
        {
            s["Identity:SigningCertificate:Path"] = Path.Combine(_directory, "signing.pfx");
            s["Identity:SigningCertificate:Password"] = CertificatePassword;
        }, environment: "Production");
        using var client = provider.CreateClient();

        using var response = await client.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTPS", await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A self-signed RSA certificate that may sign and encrypt, written as a password-protected PFX.</summary>
    private X509Certificate2 CreatePfx()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=canopy-identity test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(Path.Combine(_directory, "signing.pfx"), certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return certificate;
    }
}
