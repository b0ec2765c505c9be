using System.Text.RegularExpressions;

namespace Canopy.Rag.Documents;

/// <summary>
/// Refuses a malformed document id with 400 before any handler runs: ids are lower-case slugs (letters, digits, single hyphens),
/// so anything else cannot name a document and is a client error, not "not found".
/// </summary>
public sealed partial class DocumentIdFilter : IEndpointFilter
{
    public const int MaxLength = 400;

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && Slug().IsMatch(id);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.GetRouteValue("id") is string id && !IsValid(id))
        {
            var shown = id.Length > 80 ? id[..80] + "…" : id;
            var message = $"'{shown}' is not a document id: ids are lower-case letters, digits and single hyphens, at most {MaxLength} characters.";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [message] }, detail: message);
        }
        return await next(context);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
