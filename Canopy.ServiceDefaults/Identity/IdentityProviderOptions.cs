using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Where the OpenID Connect provider is (<c>Canopy:Identity</c>); a service validates tokens from it for its own audience.</summary>
public sealed class IdentityProviderOptions
{
    public const string Section = "Canopy:Identity";

    /// <summary>The provider's issuer URL: canopy-identity when run by the AppHost, the university's provider in a cluster.</summary>
    public string? Authority { get; set; }

    /// <summary>The key of <see cref="Pseudonyms"/>: a secret shared by canopy-ui, canopy-be and canopy-rag.</summary>
    public string? PseudonymKey { get; set; }
}

internal sealed class IdentityProviderOptionsValidator(IConfiguration configuration) : IValidateOptions<IdentityProviderOptions>
{
    // `dotnet user-jwts` writes signing keys here: tokens it issues are validated without a provider.
    internal const string LocalSigningKeys = "Authentication:Schemes:Bearer:SigningKeys";

    public ValidateOptionsResult Validate(string? name, IdentityProviderOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Authority))
            return configuration.GetSection(LocalSigningKeys).Exists()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{IdentityProviderOptions.Section}:Authority is not set: name the OpenID Connect provider whose tokens this service accepts (the AppHost sets it to canopy-identity), or create local tokens with `dotnet user-jwts`.");
        return Uri.TryCreate(options.Authority, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{IdentityProviderOptions.Section}:Authority '{options.Authority}' is not an absolute http(s) URL.");
    }
}
