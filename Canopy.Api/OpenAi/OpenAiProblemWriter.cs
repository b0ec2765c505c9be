using Microsoft.AspNetCore.Http;

namespace Canopy.Api.OpenAi;

/// <summary>Under <c>/v1</c> every problem (bad JSON, wrong content type, unknown path, shed load) is written in OpenAI's error shape.</summary>
public sealed class OpenAiProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments(OpenAiEndpoints.PathPrefix);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var param = (problem as HttpValidationProblemDetails)?.Errors.Keys.FirstOrDefault();
        var type = status switch
        {
            StatusCodes.Status429TooManyRequests => "rate_limit_error",
            >= 500 => "server_error",
            _ => "invalid_request_error",
        };
        var code = status switch
        {
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            StatusCodes.Status503ServiceUnavailable => "overloaded",
            _ => null,
        };
        var message = problem.Detail ?? status switch
        {
            StatusCodes.Status404NotFound => $"Unknown path '{context.HttpContext.Request.Path}'. Canopy serves GET /v1/models and POST /v1/chat/completions.",
            StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on '{context.HttpContext.Request.Path}'.",
            _ => problem.Title ?? $"The request failed with status {status}.",
        };
        context.HttpContext.Response.StatusCode = status;
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
            new OpenAiError(new OpenAiErrorBody(message, type, param == "body" ? null : param, code)), OpenAiJson.Options));
    }
}
