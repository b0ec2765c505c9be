using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A request the framework cannot bind (malformed JSON, a wrong type, a wrong content type, a bad query value) is the
/// caller's 4xx: problem details say what was wrong and, for JSON, which field.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var problem = Describe(bad);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var reason = $"The body is not valid JSON for this request{(field is null ? "" : $" at '{field}'")}: {FirstSentence(json.Message)}";
            var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field ?? "body"] = [reason] })
            {
                Status = bad.StatusCode, Title = "The request body could not be read.", Detail = reason,
            };
            return problem;
        }
        return new ProblemDetails { Status = bad.StatusCode, Title = TitleOf(bad.StatusCode), Detail = bad.Message };
    }

    /// <summary><c>$.history[0].role</c> → <c>history[0].role</c>; null for the whole body.</summary>
    public static string? FieldOf(string? path) =>
        path is null or "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request has an unsupported content type.",
        _ => "The request could not be read.",
    };
}
