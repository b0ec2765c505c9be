using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Canopy.Identity.Configuration;

namespace Canopy.Identity.Server;

/// <summary>The keys that sign and encrypt tokens: a configured PFX, else (Development only) OpenIddict's development certificates.</summary>
public static class TokenCredentials
{
    public static OpenIddictServerBuilder AddTokenCredentials(this OpenIddictServerBuilder server, IdentityOptions options, IHostEnvironment environment)
    {
        var path = options.SigningCertificate.Path;
        if (!string.IsNullOrWhiteSpace(path))
        {
            var certificate = Load(Path.Combine(environment.ContentRootPath, path), options.SigningCertificate.Password);
            if (certificate is not null) server.AddSigningCertificate(certificate).AddEncryptionCertificate(certificate);
        }
        else if (environment.IsDevelopment())
        {
            // Self-signed, kept in the current user's X509 store (on Linux: ~/.dotnet/corefx/cryptography/x509stores/my).
            server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        }
        // Anything else is refused at start by IdentityOptionsValidator, with the key to set.
        return server;
    }

    private static X509Certificate2? Load(string path, string? password)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{IdentityOptions.Section}:SigningCertificate:Path: '{path}' could not be read as a PFX (is {IdentityOptions.Section}:SigningCertificate:Password right?).", ex);
        }
    }
}
