using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Canopy.Rag.Embeddings;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Search.Rerank;

/// <summary>Calls <c>POST {Endpoint}/rerank</c> with <c>{model, query, documents, top_n}</c> (vLLM, TEI, Cohere, Jina shape).</summary>
public sealed class RerankClient(HttpClient http, IOptions<RerankOptions> options)
{
    public RerankOptions Options => options.Value;

    /// <summary>Relevance of each document, best first; indices refer to <paramref name="documents"/>.</summary>
    public async Task<IReadOnlyList<RerankScore>> RerankAsync(string query, IReadOnlyList<string> documents, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured) throw new InvalidOperationException($"{RerankOptions.Section}:Endpoint is not set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint!.TrimEnd('/') + "/rerank"))
        {
            Content = JsonContent.Create(new RerankRequest(settings.Model!, query, documents, documents.Count)),
        };
        if (!string.IsNullOrEmpty(settings.Key)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Key);

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new RerankException($"Rerank service returned {(int)response.StatusCode} {response.ReasonPhrase}: {ServiceErrorText.From(body)}", (int)response.StatusCode);

        RerankResponse? parsed;
        try { parsed = JsonSerializer.Deserialize<RerankResponse>(body); }
        catch (JsonException ex) { throw new RerankException("Rerank service answered with invalid JSON.", inner: ex); }
        if (parsed?.Results is null) throw new RerankException("Rerank response has no 'results' array.");
        foreach (var result in parsed.Results)
        {
            if (result.Index < 0 || result.Index >= documents.Count)
                throw new RerankException($"Rerank result index {result.Index} is outside the {documents.Count} documents sent.");
        }
        return [.. parsed.Results.OrderByDescending(r => r.RelevanceScore).Select(r => new RerankScore(r.Index, r.RelevanceScore))];
    }

    private sealed record RerankRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("query")] string Query,
        [property: JsonPropertyName("documents")] IReadOnlyList<string> Documents,
        [property: JsonPropertyName("top_n")] int TopN);

    private sealed record RerankResponse([property: JsonPropertyName("results")] List<RerankResult>? Results);

    private sealed record RerankResult(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("relevance_score")] double RelevanceScore);
}

public sealed record RerankScore(int Index, double RelevanceScore);
