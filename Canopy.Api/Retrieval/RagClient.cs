using System.Diagnostics;

namespace Canopy.Api.Retrieval;

/// <summary>Asks canopy-rag for passages; the call is wrapped in the <c>rag-query</c> span.</summary>
public sealed class RagClient(HttpClient http)
{
    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, int topK, CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.Source.StartActivity(ApiTelemetry.RagQuerySpan);
        activity?.SetTag("canopy.rag.top_k", topK);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync("/api/search", new RagSearchRequest(query, topK), cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new RetrievalUnavailableException($"canopy-rag answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            var body = await response.Content.ReadFromJsonAsync<RagSearchResponse>(cancellationToken)
                ?? throw new RetrievalUnavailableException("canopy-rag returned an empty body.");
            activity?.SetTag("canopy.rag.documents.retrieved", body.Results.Count);
            activity?.SetTag("canopy.rag.method", body.Method);
            return body.Results;
        }
        catch (HttpRequestException ex)
        {
            var wrapped = new RetrievalUnavailableException($"canopy-rag is unreachable: {ex.Message}", ex);
            activity.RecordError(wrapped);
            throw wrapped;
        }
        catch (RetrievalUnavailableException ex)
        {
            activity.RecordError(ex);
            throw;
        }
        finally
        {
            ApiTelemetry.RetrievalDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}

public sealed class RetrievalUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
