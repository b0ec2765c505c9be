using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.Api.Llm.Embedded;

/// <summary>
/// Shows the model's progress in canopy-be's health. It is never Unhealthy: the service answers extractively meanwhile,
/// so it must start and stay in rotation. Fetching and loading are Healthy with the progress as description;
/// Degraded says the model could not be had, so answers stay extractive.
/// </summary>
public sealed class ModelHealthCheck(ModelStatus status) : IHealthCheck
{
    public const string Name = "llm-model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = status.Current;
        var data = new Dictionary<string, object>
        {
            ["state"] = current.State.ToString().ToLowerInvariant(),
            ["bytesDone"] = current.BytesDone,
        };
        if (current.BytesTotal is { } total) data["bytesTotal"] = total;
        if (current.Percent is { } percent) data["percent"] = percent;
        return Task.FromResult(current.State == ModelState.Failed
            ? HealthCheckResult.Degraded(current.Describe(), data: data)
            : HealthCheckResult.Healthy(current.Describe(), data));
    }
}
