using Microsoft.AspNetCore.Http.HttpResults;

namespace Canopy.Api.Llm.Embedded;

/// <summary>Which model answers now and, for the embedded one, how far it is (state, bytes, percent, reason).</summary>
public sealed record LlmStatusResponse(
    string Provider, string Model, string? Notice, string State, long? BytesDone, long? BytesTotal, double? Percent, string? Reason, string Description);

public static class LlmStatusEndpoints
{
    /// <summary>Where the AppHost reads the model's progress for the dashboard: a probe, so public like /health.</summary>
    public const string Path = "/health/model";

    public static IEndpointRouteBuilder MapLlmStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetStatus).WithName("LlmStatus").AllowAnonymous();
        return app;
    }

    internal static Ok<LlmStatusResponse> GetStatus(ILlmProviderAccessor providers, IServiceProvider services)
    {
        var provider = providers.Current;
        if (services.GetService<ModelStatus>() is not { } status)
            return TypedResults.Ok(new LlmStatusResponse(provider.Name, provider.Model, provider.Notice, "ready", null, null, null, null, $"Answers come from {provider.Name} ({provider.Model})."));
        var s = status.Current;
        return TypedResults.Ok(new LlmStatusResponse(
            provider.Name, provider.Model, provider.Notice, s.State.ToString().ToLowerInvariant(), s.BytesDone, s.BytesTotal, s.Percent, s.Reason, s.Describe()));
    }
}
