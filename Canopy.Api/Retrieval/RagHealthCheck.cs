using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Retrieval;

/// <summary>canopy-be works without canopy-rag (summaries, the model status), so a dead or stalled canopy-rag makes it Degraded, not Unhealthy.</summary>
public sealed class RagHealthCheck(IHttpClientFactory clients, IOptions<RetrievalOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HealthTimeout);
        try
        {
            using var http = clients.CreateClient(RetrievalExtensions.HealthHttpClient);
            using var response = await http.GetAsync("/health", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy("canopy-rag answers its health check.")
                : new HealthCheckResult(context.Registration.FailureStatus, $"canopy-rag reports {(int)response.StatusCode}: course search is unavailable.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"canopy-rag did not answer within {options.Value.HealthTimeout.TotalSeconds:0.#} s: course search is unavailable.");
        }
        catch (HttpRequestException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "canopy-rag is unreachable: course search is unavailable.", ex);
        }
    }
}
