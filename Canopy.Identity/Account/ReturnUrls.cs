namespace Canopy.Identity.Account;

/// <summary>Where the login page may send the browser back to: this site only, never another host.</summary>
public static class ReturnUrls
{
    /// <summary>A path on this site: starts with one '/', not '//' or '/\' (both mean another host to a browser), no control characters.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' &&
        (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) &&
        !url.Any(char.IsControl);
}
