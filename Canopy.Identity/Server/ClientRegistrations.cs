using Canopy.Identity.Configuration;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Canopy.Identity.Server;

/// <summary>
/// The clients Canopy registers: the UI (confidential, its URLs from configuration), a public one for tools and tests, and
/// the chat API itself (confidential, client credentials only) for calls to canopy-rag that no user token covers.
/// </summary>
public static class ClientRegistrations
{
    public const string UiClientId = "canopy-ui";
    public const string CliClientId = "canopy-cli";
    public const string CliRedirectUri = "http://127.0.0.1/callback";
    public const string ServiceClientId = "canopy-be";

    public static OpenIddictApplicationDescriptor Ui(Uri baseUri, string secret)
    {
        var descriptor = Describe(UiClientId, "Canopy chat UI", ClientTypes.Confidential, ApplicationTypes.Web);
        descriptor.ClientSecret = secret;
        descriptor.RedirectUris.Add(new Uri($"{baseUri.AbsoluteUri.TrimEnd('/')}/signin-oidc"));
        descriptor.PostLogoutRedirectUris.Add(new Uri($"{baseUri.AbsoluteUri.TrimEnd('/')}/signout-callback-oidc"));
        return descriptor;
    }

    public static OpenIddictApplicationDescriptor Cli()
    {
        var descriptor = Describe(CliClientId, "Canopy tools and tests", ClientTypes.Public, ApplicationTypes.Native);
        descriptor.RedirectUris.Add(new Uri(CliRedirectUri));
        return descriptor;
    }

    /// <summary>No user, no browser: only the token endpoint, only client credentials, only canopy-rag as audience.</summary>
    public static OpenIddictApplicationDescriptor Service(string secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ServiceClientId,
            DisplayName = "Canopy chat API",
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            ClientSecret = secret,
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + CanopyScopes.Rag,
        ]);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor Describe(string clientId, string displayName, string clientType, string applicationType)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = displayName,
            ClientType = clientType,
            ApplicationType = applicationType,
            // Development provider: the user has nothing to approve, signing in is consent enough.
            ConsentType = ConsentTypes.Implicit,
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile,
            Permissions.Scopes.Roles,
            .. CanopyScopes.ApiResources.Keys.Select(scope => Permissions.Prefixes.Scope + scope),
        ]);
        return descriptor;
    }
}
