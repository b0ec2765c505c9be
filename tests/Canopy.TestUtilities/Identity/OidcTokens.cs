namespace Canopy.TestUtilities.Identity;

/// <summary>What the token endpoint of canopy-identity answered.</summary>
public sealed record OidcTokens(string AccessToken, string? RefreshToken, string? IdentityToken, TimeSpan? ExpiresIn);

/// <summary>An authorization code the provider sent to the callback, with the PKCE verifier that redeems it.</summary>
public sealed record OidcAuthorization(string Code, string CodeVerifier, string RedirectUri);

/// <summary>A sign-in through canopy-identity that did not end with tokens; the message says where and why.</summary>
public sealed class OidcSignInException(string message, Exception? inner = null) : Exception(message, inner);
