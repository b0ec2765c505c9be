using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Canopy.Identity.Connect;

/// <summary>What a client-credentials token says: the client as <c>sub</c> and <c>name</c>, role <c>service</c>, scopes and audiences.</summary>
public sealed class ServicePrincipals(IOpenIddictScopeManager scopeManager)
{
    public const string Role = "service";

    public async Task<ClaimsPrincipal> CreateAsync(string clientId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, clientId)
            .SetClaim(Claims.Role, Role);
        identity.SetScopes(scopes);

        // The same scope store as for users: scope canopy-rag gives the audience canopy-rag and nothing else.
        var resources = new List<string>();
        await foreach (var resource in scopeManager.ListResourcesAsync(scopes, cancellationToken)) resources.Add(resource);
        identity.SetResources(resources);

        // No user signs in, so there is no identity token to fill: the claims are for the API only.
        identity.SetDestinations(claim => claim.Type is Claims.Subject or Claims.Name or Claims.Role ? [Destinations.AccessToken] : []);
        return new ClaimsPrincipal(identity);
    }
}
