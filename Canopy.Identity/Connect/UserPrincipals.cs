using System.Collections.Immutable;
using System.Security.Claims;
using Canopy.Identity.Users;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Canopy.Identity.Connect;

/// <summary>What a token says about a user: <c>sub</c> and <c>name</c> (the user name), <c>role</c>, scopes and audiences.</summary>
public sealed class UserPrincipals(IOpenIddictScopeManager scopeManager)
{
    public async Task<ClaimsPrincipal> CreateAsync(CanopyUser user, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Name)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Role, user.Role);
        identity.SetScopes(scopes);

        // Each API scope names its API as a resource: a token asked for canopy-be and canopy-rag has both audiences.
        var resources = new List<string>();
        await foreach (var resource in scopeManager.ListResourcesAsync(scopes, cancellationToken)) resources.Add(resource);
        identity.SetResources(resources);

        identity.SetDestinations(claim => DestinationsOf(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Everything goes into the access token; the identity token carries name and role only when profile and roles were asked for.</summary>
    private static IEnumerable<string> DestinationsOf(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Name when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Name or Claims.Role => [Destinations.AccessToken],
        _ => [],
    };
}
