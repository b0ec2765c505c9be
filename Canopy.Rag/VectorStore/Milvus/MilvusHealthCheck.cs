using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>Healthy when Milvus answers <c>collections/list</c>; otherwise Unhealthy with the reason.</summary>
public sealed class MilvusHealthCheck(MilvusRestClient client, MilvusConnectionString connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var collections = await client.ListCollectionsAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Milvus at {connection.Endpoint} answers ({collections.Count} collections in database '{connection.Database}').");
        }
        catch (MilvusException ex)
        {
            return HealthCheckResult.Unhealthy($"Milvus at {connection.Endpoint} refused collections/list: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"Milvus at {connection.Endpoint} is unreachable: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Milvus at {connection.Endpoint} did not answer in time.", ex);
        }
    }
}
