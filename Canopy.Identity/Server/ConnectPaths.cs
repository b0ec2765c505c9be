namespace Canopy.Identity.Server;

/// <summary>
/// Where the OpenID Connect endpoints answer, relative to the issuer as OpenIddict wants them
/// (discovery stays at <c>/.well-known/openid-configuration</c>).
/// </summary>
public static class ConnectPaths
{
    public const string Group = "connect";
    public const string Authorize = Group + "/authorize";
    public const string Token = Group + "/token";
    public const string Logout = Group + "/logout";
    public const string UserInfo = Group + "/userinfo";
}
