using Canopy.Contracts;
using Canopy.Contracts.Prompts;

namespace Canopy.Api.Prompts;

/// <summary>What a new prompt version may hold; checked at the edge so that the registry only stores usable versions.</summary>
public static class PromptValidation
{
    public const int MaxPromptLength = 20_000;
    public const int MaxNoteLength = 500;
    public const int MaxModelLength = 200;

    /// <summary>The draft to store, with settings left out taken from <paramref name="basis"/>, or the problems by field.</summary>
    public static (PromptDraft? Draft, Dictionary<string, string[]> Errors) Validate(this CreatePromptVersionRequest request, PromptVersion basis)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.SystemPrompt)) errors["systemPrompt"] = ["A system prompt is required."];
        else if (request.SystemPrompt.Length > MaxPromptLength) errors["systemPrompt"] = [$"A system prompt has at most {MaxPromptLength} characters; this one has {request.SystemPrompt.Length}."];
        else if (RequestText.Problem(request.SystemPrompt) is { } problem) errors["systemPrompt"] = [$"The system prompt {problem}"];
        if (request.Temperature is { } t && (t < 0 || t > 2 || float.IsNaN(t))) errors["temperature"] = ["The temperature is between 0 and 2."];
        if (request.MaxTokens is { } m && m is < 16 or > 32_768) errors["maxTokens"] = ["maxTokens is between 16 and 32768."];
        if (request.Model is { Length: > MaxModelLength }) errors["model"] = [$"A model name has at most {MaxModelLength} characters."];
        else if (request.Model is not null && RequestText.Problem(request.Model) is { } modelProblem) errors["model"] = [$"The model name {modelProblem}"];
        if (request.Note is { Length: > MaxNoteLength }) errors["note"] = [$"A note has at most {MaxNoteLength} characters."];
        else if (request.Note is not null && RequestText.Problem(request.Note) is { } noteProblem) errors["note"] = [$"The note {noteProblem}"];
        if (errors.Count > 0) return (null, errors);
        var model = request.Model is null ? basis.Model : string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim();
        return (new PromptDraft(request.SystemPrompt!, request.Temperature ?? basis.Temperature, request.MaxTokens ?? basis.MaxTokens, model,
            string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim()), errors);
    }
}
