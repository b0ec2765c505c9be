using Canopy.Api.Features;

namespace Canopy.Api.OpenAi;

/// <summary>Checks a completion request and answers in OpenAI's error shape, so OpenAI clients show the reason.</summary>
public static class CompletionValidation
{
    public static IResult? Check(CompletionRequest? request, FeatureCatalog features)
    {
        if (request is null)
            return OpenAiJson.Error(400, "A JSON body is required.", "invalid_request_error");
        if (string.IsNullOrWhiteSpace(request.Model))
            return OpenAiJson.Error(400, "model is required.", "invalid_request_error", "model");
        var feature = request.Model.StartsWith(OpenAiEndpoints.ModelPrefix, StringComparison.Ordinal) ? request.Model[OpenAiEndpoints.ModelPrefix.Length..] : null;
        if (feature is null || !FeatureCatalog.Ids.Contains(feature) || !features.Get(feature).Enabled)
            return OpenAiJson.Error(404, $"The model '{request.Model}' does not exist. GET /v1/models lists Canopy's models.", "invalid_request_error", "model", "model_not_found");
        if (request.Messages is not { Count: > 0 })
            return OpenAiJson.Error(400, "messages must contain at least one message.", "invalid_request_error", "messages");
        if (request.Messages[^1].Role != "user" || string.IsNullOrWhiteSpace(request.Messages[^1].Text))
            return OpenAiJson.Error(400, "The last message must be a user message with text.", "invalid_request_error", "messages");
        if (request.Messages.Any(m => m.Role is not ("system" or "user" or "assistant" or "developer" or "tool")))
            return OpenAiJson.Error(400, "Each message needs a role of system, developer, user, assistant or tool.", "invalid_request_error", "messages");
        return null;
    }
}
