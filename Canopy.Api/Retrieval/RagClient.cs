using System.Diagnostics;
using Canopy.Contracts;
using Canopy.Contracts.Search;
using Polly;

namespace Canopy.Api.Retrieval;

/// <summary>Asks canopy-rag for passages; the call is wrapped in the <c>rag-query</c> span.</summary>
public sealed class RagClient(HttpClient http)
{
    public async Task<IReadOnlyList<Passage>> SearchAsync(string query, int topK, CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.Source.StartActivity(ApiTelemetry.RagQuerySpan);
        activity?.SetTag("gen_ai.operation.name", "retrieval");
        activity?.SetTag("gen_ai.data_source.id", ApiTelemetry.CourseDocumentsDataSource);
        activity?.SetTag("canopy.rag.top_k", topK);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Redaction can lengthen a question that passed validation; canopy-rag must never be sent what it refuses.
            if (query.Length > RequestLimits.MaxSearchQueryLength) query = query[..RequestLimits.MaxSearchQueryLength];
            using var response = await http.PostAsJsonAsync("/api/search", new SearchRequest(query, topK), cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new RetrievalUnavailableException($"canopy-rag answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            var body = await response.Content.ReadFromJsonAsync<SearchResponse>(cancellationToken)
                ?? throw new RetrievalUnavailableException("canopy-rag returned an empty body.");
            activity?.SetTag("canopy.rag.documents.retrieved", body.Results.Count);
            activity?.SetTag("canopy.rag.method", body.Method);
            return body.Results;
        }
        // Unreachable, timed out (an attempt or the whole call) or the circuit is open: all mean search is unavailable now.
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var wrapped = new RetrievalUnavailableException($"canopy-rag is unavailable: {ex.Message}", ex);
            activity.RecordError(wrapped);
            activity?.SetTag("error.type", ex.GetType().FullName);
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
