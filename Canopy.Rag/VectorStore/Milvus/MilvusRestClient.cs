using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>
/// Typed client of the Milvus RESTful API v2 (<c>POST /v2/vectordb/{category}/{action}</c>): unwraps the
/// <c>{code, data, message}</c> envelope and turns every failure into a <see cref="MilvusException"/>.
/// </summary>
public sealed class MilvusRestClient
{
    /// <summary>Milvus caps limit (plus offset) of search and query at this value.</summary>
    public const int MaxLimit = 16384;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly MilvusConnectionString _connection;
    private readonly TimeSpan _timeout;

    public MilvusRestClient(HttpClient http, MilvusConnectionString connection, IOptions<MilvusOptions> options)
    {
        _http = http;
        _connection = connection;
        _timeout = options.Value.RequestTimeout;
        _http.BaseAddress = connection.Endpoint;
        if (connection.Key is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Key);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // Int64 fields come back as JSON numbers instead of strings.
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Type-Allow-Int64", "true");
    }

    public string Database => _connection.Database;

    public async Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken)
    {
        var data = await PostAsync("collections/list", new { }, cancellationToken);
        return data.ValueKind == JsonValueKind.Array ? [.. data.EnumerateArray().Select(e => e.GetString() ?? "")] : [];
    }

    public async Task<bool> HasCollectionAsync(string collectionName, CancellationToken cancellationToken)
    {
        var data = await PostAsync("collections/has", new { collectionName }, cancellationToken);
        return data.ValueKind == JsonValueKind.Object && data.TryGetProperty("has", out var has) && has.ValueKind == JsonValueKind.True;
    }

    public Task CreateCollectionAsync(MilvusCreateCollectionRequest request, CancellationToken cancellationToken) =>
        PostAsync("collections/create", request, cancellationToken);

    public Task<JsonElement> DescribeCollectionAsync(string collectionName, CancellationToken cancellationToken) =>
        PostAsync("collections/describe", new { collectionName }, cancellationToken);

    public Task LoadCollectionAsync(string collectionName, CancellationToken cancellationToken) =>
        PostAsync("collections/load", new { collectionName }, cancellationToken);

    /// <summary>The load state, such as <c>LoadStateLoaded</c>, <c>LoadStateLoading</c> or <c>LoadStateNotLoad</c>.</summary>
    public async Task<string> GetLoadStateAsync(string collectionName, CancellationToken cancellationToken)
    {
        var data = await PostAsync("collections/get_load_state", new { collectionName }, cancellationToken);
        return data.ValueKind == JsonValueKind.Object && data.TryGetProperty("loadState", out var state) ? state.GetString() ?? "" : "";
    }

    public Task DropCollectionAsync(string collectionName, CancellationToken cancellationToken) =>
        PostAsync("collections/drop", new { collectionName }, cancellationToken);

    public Task UpsertAsync(string collectionName, IReadOnlyList<JsonObject> rows, CancellationToken cancellationToken) =>
        PostAsync("entities/upsert", new { collectionName, data = rows }, cancellationToken);

    public Task DeleteAsync(string collectionName, string filter, CancellationToken cancellationToken) =>
        PostAsync("entities/delete", new { collectionName, filter }, cancellationToken);

    /// <summary>Hits of one query, best first; each row holds the output fields and <c>distance</c> (the score).</summary>
    public async Task<IReadOnlyList<JsonElement>> SearchAsync(MilvusSearchRequest request, CancellationToken cancellationToken) =>
        Rows(await PostAsync("entities/search", request, cancellationToken));

    public async Task<IReadOnlyList<JsonElement>> QueryAsync(MilvusQueryRequest request, CancellationToken cancellationToken) =>
        Rows(await PostAsync("entities/query", request, cancellationToken));

    private static IReadOnlyList<JsonElement> Rows(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Array) return [];
        var rows = data.EnumerateArray().ToList();
        // Several query vectors come back as one list per query; this client sends one.
        return rows.Count > 0 && rows[0].ValueKind == JsonValueKind.Array ? [.. rows[0].EnumerateArray()] : rows;
    }

    private async Task<JsonElement> PostAsync<TBody>(string action, TBody body, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToNode(body, Json)!.AsObject();
        payload["dbName"] = _connection.Database;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/vectordb/" + action) { Content = JsonContent.Create(payload, options: Json) };
        request.Options.Set(MilvusRetry.Retryable, MilvusRetry.IsRead(action));
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return Unwrap(action, response.StatusCode, text);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Milvus {action} did not answer within {_timeout.TotalSeconds:0.#} s.", ex);
        }
    }

    internal static JsonElement Unwrap(string action, HttpStatusCode status, string text)
    {
        var envelope = MilvusEnvelope.TryParse(text);
        if ((int)status is < 200 or > 299)
            throw new MilvusException(action, envelope?.Code ?? 0, envelope?.Message ?? Excerpt(text), status);
        if (envelope is null)
            throw new MilvusException(action, 0, "the answer is not a Milvus envelope: " + Excerpt(text), status);
        if (!envelope.IsSuccess)
            throw new MilvusException(action, envelope.Code, envelope.Message ?? "(no message)", HttpStatusCode.OK);
        return envelope.Data;
    }

    private static string Excerpt(string text) =>
        string.IsNullOrWhiteSpace(text) ? "(empty body)" : text.Length <= 300 ? text : text[..300] + "…";
}
