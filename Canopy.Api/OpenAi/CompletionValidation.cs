using Canopy.Api.Features;
using Canopy.Contracts;

namespace Canopy.Api.OpenAi;

/// <summary>Checks a completion request and answers in OpenAI's error shape, so OpenAI clients show the reason.</summary>
public static class CompletionValidation
{
    public static IResult? Check(CompletionRequest? request, FeatureCatalog features)
    {
        if (request is null)
            return Invalid("A JSON body is required.", null);
        if (string.IsNullOrWhiteSpace(request.Model))
            return Invalid("model is required.", "model");
        var feature = request.Model.StartsWith(OpenAiEndpoints.ModelPrefix, StringComparison.Ordinal) ? request.Model[OpenAiEndpoints.ModelPrefix.Length..] : null;
        if (feature is null || !FeatureCatalog.Ids.Contains(feature) || !features.IsEnabled(feature))
            return OpenAiJson.Error(404, $"The model '{request.Model}' does not exist. GET /v1/models lists Canopy's models.", "invalid_request_error", "model", "model_not_found");
        if (Sampling(request) is { } sampling) return sampling;
        if (request.Messages is not { Count: > 0 })
            return Invalid("messages must contain at least one message.", "messages");
        for (var i = 0; i < request.Messages.Count; i++)
            if (MessageProblem(request.Messages[i], i) is { } problem) return problem;
        if (request.Messages[^1].Role != "user" || string.IsNullOrWhiteSpace(request.Messages[^1].Text))
            return Invalid("The last message must be a user message with text.", "messages");
        return null;
    }

    /// <summary>Out-of-range sampling settings are refused as OpenAI refuses them, never silently ignored.</summary>
    private static IResult? Sampling(CompletionRequest request)
    {
        if (request.MaxTokens is { } maxTokens && maxTokens is < 1 or > RequestLimits.MaxCompletionTokens)
            return OutOfRange("max_tokens", maxTokens, 1, RequestLimits.MaxCompletionTokens);
        if (request.MaxCompletionTokens is { } maxCompletion && maxCompletion is < 1 or > RequestLimits.MaxCompletionTokens)
            return OutOfRange("max_completion_tokens", maxCompletion, 1, RequestLimits.MaxCompletionTokens);
        if (request.Temperature is { } temperature && !(temperature >= RequestLimits.MinTemperature && temperature <= RequestLimits.MaxTemperature))
            return OutOfRange("temperature", temperature, RequestLimits.MinTemperature, RequestLimits.MaxTemperature);
        if (request.TopP is { } topP && !(topP >= RequestLimits.MinTopP && topP <= RequestLimits.MaxTopP))
            return OutOfRange("top_p", topP, RequestLimits.MinTopP, RequestLimits.MaxTopP);
        if (request.N is { } n && n != RequestLimits.MaxChoices)
            return Invalid($"Invalid 'n': Canopy gives exactly {RequestLimits.MaxChoices} choice per completion, but got {n}.", "n", n < 1 ? "integer_below_min_value" : "integer_above_max_value");
        return null;
    }

    private static IResult? MessageProblem(CompletionMessage? message, int index)
    {
        var param = $"messages[{index}]";
        if (message is null)
            return Invalid($"Invalid '{param}': expected an object, but got null instead.", param);
        if (message.Role is not ("system" or "user" or "assistant" or "developer" or "tool"))
            return Invalid($"Invalid '{param}.role': each message needs a role of system, developer, user, assistant or tool.", $"{param}.role");
        string? text;
        try
        {
            text = message.Text;
        }
        catch (InvalidOperationException)
        {
            return Invalid($"Invalid '{param}.content': the text is not valid Unicode (a lone surrogate).", $"{param}.content");
        }
        if (text is not null && RequestText.Problem(text) is { } problem)
            return Invalid($"Invalid '{param}.content': the text {problem}", $"{param}.content");
        return null;
    }

    private static IResult OutOfRange(string param, double value, double min, double max) =>
        value < min
            ? Invalid($"Invalid '{param}': below minimum value. Expected a value >= {min}, but got {value} instead.", param, "below_min_value")
            : Invalid($"Invalid '{param}': above maximum value. Expected a value <= {max}, but got {value} instead.", param, "above_max_value");

    private static IResult Invalid(string message, string? param, string? code = null) =>
        OpenAiJson.Error(400, message, "invalid_request_error", param, code);
}
