using System.Diagnostics.CodeAnalysis;

namespace Canopy.Identity.Configuration;

/// <summary>The <c>Identity</c> section: who may sign in, which UI and service clients exist, where data and keys live.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>Passwords of the seeded users (<c>Identity:Users:student:Password</c>, ...); a user without one cannot sign in.</summary>
    public Dictionary<string, UserPasswordOptions> Users { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public UiClientOptions UiClient { get; set; } = new();

    public ServiceClientOptions ServiceClient { get; set; } = new();

    /// <summary>Directory of <c>identity.db</c>; relative paths are under the content root.</summary>
    public string DataPath { get; set; } = ".canopy-data";

    public SigningCertificateOptions SigningCertificate { get; set; } = new();

    /// <summary>Accept plain HTTP outside Development (behind a proxy that ends TLS).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>A fixed issuer URL; empty means the origin each request arrives at.</summary>
    public string? Issuer { get; set; }
}

public sealed class UserPasswordOptions
{
    public string? Password { get; set; }
}

/// <summary>The confidential client <c>canopy-ui</c>; not registered while <see cref="BaseUrl"/> is empty.</summary>
public sealed class UiClientOptions
{
    public string? BaseUrl { get; set; }
    public string? Secret { get; set; }

    /// <summary>The origin of <see cref="BaseUrl"/>, or null when it is not configured or not an absolute HTTP(S) URL.</summary>
    public Uri? BaseUri => Uri.TryCreate(BaseUrl?.TrimEnd('/'), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}

/// <summary>The confidential client <c>canopy-be</c> (client credentials, for canopy-rag only); not registered while <see cref="Secret"/> is empty.</summary>
public sealed class ServiceClientOptions
{
    public const int MinimumSecretLength = 16;

    public string? Secret { get; set; }

    [MemberNotNullWhen(true, nameof(Secret))]
    public bool IsConfigured => !string.IsNullOrEmpty(Secret);
}

/// <summary>A PFX used for both signing and encryption; required outside Development.</summary>
public sealed class SigningCertificateOptions
{
    public string? Path { get; set; }
    public string? Password { get; set; }
}
