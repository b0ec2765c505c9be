using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Numerics.Tensors;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Canopy.Rag.Embeddings;

/// <summary>
/// Embeddings from an OpenAI-compatible <c>POST {Endpoint}/embeddings</c> (vLLM, TEI, llama.cpp, OpenAI).
/// Vectors are scaled to unit length because the index ranks by dot product.
/// </summary>
public sealed class OpenAiEmbeddingGenerator(HttpClient http, EmbeddingsConnectionString connection, int batchSize)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("openai", connection.Endpoint, connection.Model, connection.Dimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count) { Usage = new UsageDetails { InputTokenCount = 0, TotalTokenCount = 0 } };
        foreach (var batch in texts.Chunk(batchSize))
        {
            var response = await PostAsync(batch, options?.Dimensions ?? connection.Dimensions, cancellationToken);
            foreach (var item in response.Data!.OrderBy(d => d.Index))
                result.Add(new Embedding<float>(Normalise(item.Embedding!)) { ModelId = response.Model ?? connection.Model, CreatedAt = DateTimeOffset.UtcNow });
            result.Usage.InputTokenCount += response.Usage?.PromptTokens ?? 0;
            result.Usage.TotalTokenCount += response.Usage?.TotalTokens ?? 0;
        }
        return result;
    }

    private async Task<EmbeddingsResponse> PostAsync(string[] batch, int? dimensions, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(connection.Endpoint.ToString().TrimEnd('/') + "/embeddings"))
        {
            Content = JsonContent.Create(new EmbeddingsRequest(connection.Model, batch, "float", dimensions)),
        };
        if (!string.IsNullOrEmpty(connection.Key)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.Key);

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new EmbeddingServiceException(
                $"Embeddings server {connection.Endpoint} returned {(int)response.StatusCode} {response.ReasonPhrase} for model '{connection.Model}': {ServiceErrorText.From(body)}",
                (int)response.StatusCode);

        EmbeddingsResponse? parsed;
        try { parsed = JsonSerializer.Deserialize<EmbeddingsResponse>(body); }
        catch (JsonException ex) { throw new EmbeddingServiceException($"Embeddings server {connection.Endpoint} answered with invalid JSON.", inner: ex); }
        if (parsed?.Data is null) throw new EmbeddingServiceException("Embeddings response has no 'data' array.");
        if (parsed.Data.Count != batch.Length)
            throw new EmbeddingServiceException($"Embeddings server returned {parsed.Data.Count} embeddings for {batch.Length} inputs.");
        var indices = parsed.Data.Select(d => d.Index).Order().ToList();
        if (!indices.SequenceEqual(Enumerable.Range(0, batch.Length)))
            throw new EmbeddingServiceException("Embeddings response indices do not match the inputs sent.");
        foreach (var item in parsed.Data)
        {
            if (item.Embedding is not { Length: > 0 })
                throw new EmbeddingServiceException($"Embedding {item.Index} is empty; was encoding_format 'float' ignored?");
            if (dimensions is { } d && item.Embedding.Length != d)
                throw new EmbeddingServiceException($"Embedding {item.Index} has {item.Embedding.Length} dimensions; {d} were configured.");
        }
        return parsed;
    }

    private static float[] Normalise(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null :
        serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata :
        serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private sealed record EmbeddingsRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("input")] IReadOnlyList<string> Input,
        [property: JsonPropertyName("encoding_format")] string EncodingFormat,
        [property: JsonPropertyName("dimensions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Dimensions);

    private sealed record EmbeddingsResponse(
        [property: JsonPropertyName("data")] List<EmbeddingItem>? Data,
        [property: JsonPropertyName("model")] string? Model,
        [property: JsonPropertyName("usage")] EmbeddingsUsage? Usage);

    private sealed record EmbeddingItem(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("embedding")] float[]? Embedding);

    private sealed record EmbeddingsUsage(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("total_tokens")] int TotalTokens);
}
