using System.Net;

namespace Canopy.Web.Settings;

/// <summary>The sentence to show for a refused settings request, one per status.</summary>
internal static class SettingsProblem
{
    public const string Unreachable = "canopy-be cannot be reached; try again in a moment.";
    public const string NotOffered = "canopy-be does not offer feature switches here yet.";
    public const string UnknownFeature = "canopy-be does not know this feature.";
    public const string AdminsOnly = "Only administrators can change settings.";

    /// <param name="notFound">What a 404 means for this call: the API is missing (the list) or the feature is (a switch).</param>
    public static string Text(HttpStatusCode status, string notFound) => status switch
    {
        HttpStatusCode.NotFound => notFound,
        HttpStatusCode.Forbidden => AdminsOnly,
        >= HttpStatusCode.InternalServerError => $"canopy-be could not do this just now ({(int)status}); try again in a moment.",
        _ => $"canopy-be refused the request ({(int)status}).",
    };
}
