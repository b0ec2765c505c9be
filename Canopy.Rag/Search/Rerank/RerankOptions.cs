using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.Search.Rerank;

/// <summary>An optional cross-encoder behind an OpenAI/Cohere-style <c>POST {Endpoint}/rerank</c>; off while Endpoint is empty.</summary>
public sealed class RerankOptions : IValidatableObject
{
    public const string Section = "Canopy:Rag:Rerank";

    /// <summary>Base URL of the API, e.g. <c>http://host:8000/v1</c>; <c>/rerank</c> is appended.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? Key { get; set; }

    /// <summary>Fused candidates sent to the reranker; it reorders these, so a right answer beyond them stays lost.</summary>
    [Range(1, 200)]
    public int TopN { get; set; } = 20;

    /// <summary>After this the fused order is used instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"{Section}:Endpoint must be an http(s) URL such as http://host:8000/v1; got '{Endpoint}'.", [nameof(Endpoint)]);
        if (string.IsNullOrWhiteSpace(Model))
            yield return new ValidationResult($"{Section}:Model is required when {Section}:Endpoint is set.", [nameof(Model)]);
    }
}
