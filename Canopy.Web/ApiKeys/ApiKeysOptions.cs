namespace Canopy.Web.ApiKeys;

/// <summary>How the keys page tells users where to send their key (<c>Canopy:ApiKeys</c>).</summary>
public sealed class ApiKeysOptions
{
    public const string Section = "Canopy:ApiKeys";

    /// <summary>canopy-be's address as users reach it, e.g. its Route in a cluster; unset, the one service discovery was given.</summary>
    public string? PublicApiUri { get; set; }
}
