using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.AppHost;

/// <summary>Shows the embedded model's download and load progress as a health entry of canopy-be in the dashboard.</summary>
public static class EmbeddedModelProgress
{
    public static IResourceBuilder<ProjectResource> WithModelProgress(this IResourceBuilder<ProjectResource> api)
    {
        var name = $"{api.Resource.Name}-model";
        var endpoint = api.GetEndpoint("http");
        api.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(name, _ => new ModelProgressCheck(endpoint), null, null));
        return api.WithHealthCheck(name);
    }

    private sealed class ModelProgressCheck(EndpointReference endpoint) : IHealthCheck
    {
        private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var status = await Http.GetFromJsonAsync<ModelStatus>(new Uri(new Uri(endpoint.Url), "/health/model"), cancellationToken);
                // Healthy in every state: canopy-be answers extractively until the model is ready, and the description says how far it is.
                return HealthCheckResult.Healthy(status?.Description);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                return HealthCheckResult.Unhealthy("canopy-be does not answer /health/model yet", ex);
            }
        }

        private sealed record ModelStatus(string State, string Description);
    }
}
