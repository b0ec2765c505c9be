using System.Text.Json;

namespace Canopy.Api.OpenAi;

/// <summary>OpenAI's wire format uses snake_case names and omits nothing that clients expect.</summary>
public static class OpenAiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static IResult Error(int status, string message, string type, string? param = null, string? code = null) =>
        TypedResults.Json(new OpenAiError(new OpenAiErrorBody(message, type, param, code)), Options, statusCode: status);
}
