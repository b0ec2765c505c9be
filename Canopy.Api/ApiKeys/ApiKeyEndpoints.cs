using System.Security.Claims;
using Canopy.Contracts.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canopy.Api.ApiKeys;

/// <summary>
/// Personal API keys for the OpenAI-compatible front door: a signed-in user creates, lists and revokes their own; an admin
/// lists and revokes anyone's. Keys are managed with a sign-in token only, never with a key.
/// </summary>
public static class ApiKeyEndpoints
{
    public const string FrontDoorPolicy = "front-door";

    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        // The front door takes a sign-in token or a personal key; every other endpoint a sign-in token only.
        builder.Services.AddAuthorizationBuilder().AddPolicy(FrontDoorPolicy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, ApiKeyAuthentication.SchemeName)
            .RequireRole(CanopyRoles.Student, CanopyRoles.Instructor, CanopyRoles.Admin)
            .RequireClaim("sub"));
        return builder;
    }

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/keys").RequireAuthorization(CanopyRoles.ReaderPolicy);
        own.MapPost("/", CreateAsync).WithName("CreateApiKey");
        own.MapGet("/", async (ClaimsPrincipal user, ApiKeyStore keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(Subject(user), ct)))
            .WithName("ListApiKeys");
        own.MapDelete("/{id}", RevokeOwnAsync).WithName("RevokeApiKey");
        var all = app.MapGroup("/api/admin/keys").RequireAuthorization(CanopyRoles.AdminPolicy);
        all.MapGet("/", async (ApiKeyStore keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(null, ct))).WithName("ListAllApiKeys");
        all.MapDelete("/{id}", async Task<Results<NoContent, NotFound>> (string id, ApiKeyStore keys, CancellationToken ct) =>
            await keys.RevokeAsync(id, null, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).WithName("RevokeAnyApiKey");
        return app;
    }

    internal static async Task<Results<Created<ApiKeyCreated>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ApiKeyRequest request, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ApiKeyFormat.MaxNameLength || name.Any(char.IsControl))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"A key needs a name of 1 to {ApiKeyFormat.MaxNameLength} characters without control characters."],
            });
        var owner = new ApiKeyOwner(Subject(user), user.Identity?.Name ?? Subject(user), HighestRole(user));
        if (await keys.CreateAsync(owner, name, cancellationToken) is not { } created)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many API keys.",
                detail: $"A user may hold {ApiKeyFormat.MaxActivePerUser} active keys; revoke one first.");
        return TypedResults.Created($"/api/keys/{created.Key.Id}", created);
    }

    internal static async Task<Results<NoContent, NotFound>> RevokeOwnAsync(string id, ClaimsPrincipal user, ApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, Subject(user), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static string Subject(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? throw new InvalidOperationException("A signed-in caller has a subject.");

    private static string HighestRole(ClaimsPrincipal user) =>
        new[] { CanopyRoles.Admin, CanopyRoles.Instructor, CanopyRoles.Student }.FirstOrDefault(user.IsInRole) ?? CanopyRoles.Student;
}
