using Canopy.Contracts.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canopy.Api.Features;

/// <summary>Admins turn features and flags on and off for everyone (<c>/api/admin/features</c>), or give the decision back to configuration.</summary>
public static class FeatureSwitchEndpoints
{
    public static IEndpointRouteBuilder MapFeatureSwitchApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/features").RequireAuthorization(CanopyRoles.AdminPolicy);
        admin.MapGet("/", (FeatureCatalog catalog) => TypedResults.Ok(FeatureCatalog.Switchable.Select(catalog.Switch).ToList())).WithName("ListFeatureSwitches");
        admin.MapPut("/{id}", SetAsync).WithName("SetFeatureSwitch");
        admin.MapDelete("/{id}", ResetAsync).WithName("ResetFeatureSwitch");
        return app;
    }

    internal static async Task<Results<Ok<FeatureSwitchInfo>, ValidationProblem, NotFound>> SetAsync(
        string id, FeatureSwitchRequest request, FeatureCatalog catalog, FeatureSwitches switches, CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Switchable.Contains(id)) return TypedResults.NotFound();
        if (request.Enabled is not { } enabled)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["enabled (true or false) is required."] });
        await switches.SetAsync(id, enabled, cancellationToken);
        return TypedResults.Ok(catalog.Switch(id));
    }

    internal static async Task<Results<Ok<FeatureSwitchInfo>, NotFound>> ResetAsync(
        string id, FeatureCatalog catalog, FeatureSwitches switches, CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Switchable.Contains(id)) return TypedResults.NotFound();
        await switches.ResetAsync(id, cancellationToken);
        return TypedResults.Ok(catalog.Switch(id));
    }
}
