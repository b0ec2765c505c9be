using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Canopy.Identity.Server;

/// <summary>The scopes clients may ask for; each API scope names the API that is the token's audience.</summary>
public static class CanopyScopes
{
    public const string Api = "canopy-be";
    public const string Rag = "canopy-rag";
    public const string Calendar = "canopy-calendar";

    /// <summary>API scope → resource (the <c>aud</c> of access tokens requested with it).</summary>
    public static readonly IReadOnlyDictionary<string, string> ApiResources = new Dictionary<string, string>
    {
        [Api] = "canopy-be",
        [Rag] = "canopy-rag",
        [Calendar] = "canopy-calendar",
    };

    public static readonly string[] All = [Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, Api, Rag, Calendar];
}
