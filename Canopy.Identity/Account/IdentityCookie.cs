namespace Canopy.Identity.Account;

/// <summary>The provider's own sign-in session: set by the login page, read by the authorization endpoint.</summary>
public static class IdentityCookie
{
    public const string Scheme = "canopy-identity";
    public const string Name = ".canopy-identity";
    public const string AntiforgeryName = ".canopy-identity.antiforgery";
}
