using System.Net;
using System.Text.Json;
using Canopy.Contracts.ApiKeys;

namespace Canopy.Web.ApiKeys;

/// <summary>The sentence to show for a refused key request: canopy-be's own words where it gives some, else one per status.</summary>
internal static class ApiKeysProblem
{
    public const string Unreachable = "canopy-be cannot be reached; try again in a moment.";
    public const string NotOffered = "canopy-be does not offer API keys here yet.";
    public const string NotYours = "That key is not yours, or it no longer exists.";

    /// <param name="notFound">What a 404 means for this call: the API is missing (a list) or the key is (a revoke).</param>
    public static string Text(HttpStatusCode status, string body, string notFound) => status switch
    {
        HttpStatusCode.NotFound => notFound,
        HttpStatusCode.Forbidden => "Only administrators can see and revoke every user's keys.",
        HttpStatusCode.BadRequest => Detail(body) ?? $"Give the key a name of at most {ApiKeyFormat.MaxNameLength} characters.",
        HttpStatusCode.Conflict => Detail(body) ?? $"You already hold {ApiKeyFormat.MaxActivePerUser} active keys; revoke one before creating another.",
        >= HttpStatusCode.InternalServerError => $"canopy-be could not do this just now ({(int)status}); try again in a moment.",
        _ => $"canopy-be refused the request ({(int)status}).",
    };

    /// <summary>A problem details body's field errors or detail; null when it has neither (a bare title says less than the fallback).</summary>
    internal static string? Detail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                && string.Join(" ", errors.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Array).SelectMany(e => e.Value.EnumerateArray().Select(v => v.ToString()))) is { Length: > 0 } fields)
                return fields;
            if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && detail.GetString() is { Length: > 0 } d) return d;
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
