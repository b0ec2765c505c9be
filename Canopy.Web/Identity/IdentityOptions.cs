namespace Canopy.Web.Identity;

/// <summary>How canopy-ui signs users in at canopy-identity (OpenID Connect, authorization code with PKCE).</summary>
public sealed class IdentityOptions
{
    public const string Section = "Canopy:Identity";

    /// <summary>canopy-identity's address, e.g. <c>http://localhost:5090</c>; the AppHost sets it.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "canopy-ui";

    /// <summary>The secret of the confidential client <see cref="ClientId"/>; the AppHost passes it, it is never in a file.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The authority's scheme, host and port: the only other origin a form of the UI may be sent to (sign-out goes through it).</summary>
    public string Origin => new Uri(Authority).GetLeftPart(UriPartial.Authority);

    /// <summary>Discovery over plain HTTP is accepted only for a plain HTTP authority (the local AppHost).</summary>
    public bool IsHttps => new Uri(Authority).Scheme == Uri.UriSchemeHttps;
}
