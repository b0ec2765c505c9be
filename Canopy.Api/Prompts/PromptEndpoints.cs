using System.Security.Claims;
using Canopy.Api.Features;
using Canopy.Api.Llm;
using Canopy.Contracts.Prompts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canopy.Api.Prompts;

/// <summary>The prompt registry's API (<c>/api/prompts</c>): instructors create versions, compare them and move aliases.</summary>
public static class PromptEndpoints
{
    public const string ExtractiveNotice =
        "Answers are extracts of the course passages now (no generative model), so prompt versions do not change them; deterministic evaluations still run.";

    public static IHostApplicationBuilder AddPrompts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPromptStore, SqlitePromptStore>();
        builder.Services.AddSingleton<PromptRegistry>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPromptApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/prompts").RequireAuthorization(CanopyRoles.InstructorPolicy);
        api.MapGet("/", ListAsync).WithName("ListPromptRegistries");
        api.MapGet("/{feature}", GetAsync).WithName("GetPromptRegistry");
        api.MapPost("/{feature}/versions", CreateAsync).WithName("CreatePromptVersion");
        api.MapGet("/{feature}/versions/{version:int}", GetVersionAsync).WithName("GetPromptVersion");
        api.MapGet("/{feature}/diff", DiffAsync).WithName("DiffPromptVersions");
        api.MapPut("/{feature}/aliases/{alias}", MoveAliasAsync).WithName("MovePromptAlias");
        api.MapDelete("/{feature}/aliases/challenger", RemoveChallengerAsync).WithName("RemovePromptChallenger");
        return app;
    }

    internal static async Task<Ok<List<PromptRegistryInfo>>> ListAsync(PromptRegistry registry, FeatureCatalog features, ILlmProviderAccessor providers, CancellationToken cancellationToken)
    {
        var all = new List<PromptRegistryInfo>();
        foreach (var id in FeatureCatalog.Ids) all.Add(await InfoAsync(id, registry, features, providers, cancellationToken));
        return TypedResults.Ok(all);
    }

    internal static async Task<Results<Ok<PromptRegistryInfo>, ProblemHttpResult>> GetAsync(
        string feature, PromptRegistry registry, FeatureCatalog features, ILlmProviderAccessor providers, CancellationToken cancellationToken) =>
        !FeatureCatalog.Ids.Contains(feature) ? NoFeature(feature) : TypedResults.Ok(await InfoAsync(feature, registry, features, providers, cancellationToken));

    internal static async Task<Results<Created<PromptVersionInfo>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string feature, CreatePromptVersionRequest request, PromptRegistry registry, ClaimsPrincipal user, Pseudonyms pseudonyms, CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Ids.Contains(feature)) return NoFeature(feature);
        var snapshot = await registry.SnapshotAsync(feature, cancellationToken);
        var (draft, errors) = request.Validate(snapshot.Champion);
        if (draft is null) return TypedResults.ValidationProblem(errors);
        var version = await registry.CreateAsync(feature, draft, pseudonyms.Of(user), cancellationToken);
        return TypedResults.Created($"/api/prompts/{feature}/versions/{version.Version}", Info(version, []));
    }

    internal static async Task<Results<Ok<PromptVersionInfo>, ProblemHttpResult>> GetVersionAsync(
        string feature, int version, PromptRegistry registry, CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Ids.Contains(feature)) return NoFeature(feature);
        var found = await registry.GetAsync(feature, version, cancellationToken);
        if (found is null) return Problem(StatusCodes.Status404NotFound, $"{feature} has no version {version}.");
        return TypedResults.Ok(Info(found, Aliases(await registry.SnapshotAsync(feature, cancellationToken), version)));
    }

    internal static async Task<Results<Ok<PromptDiff>, ValidationProblem, ProblemHttpResult>> DiffAsync(
        string feature, int? from, int? to, PromptRegistry registry, CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Ids.Contains(feature)) return NoFeature(feature);
        if (from is null || to is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give the two versions to compare as ?from=1&to=2."] });
        var a = await registry.GetAsync(feature, from.Value, cancellationToken);
        var b = await registry.GetAsync(feature, to.Value, cancellationToken);
        if (a is null || b is null) return Problem(StatusCodes.Status404NotFound, $"{feature} has no version {(a is null ? from : to)}.");
        return TypedResults.Ok(PromptDiffer.Diff(a, b));
    }

    internal static async Task<Results<Ok<PromptRegistryInfo>, ValidationProblem, ProblemHttpResult>> MoveAliasAsync(
        string feature, string alias, MoveAliasRequest request, PromptRegistry registry, FeatureCatalog features, ILlmProviderAccessor providers,
        CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Ids.Contains(feature)) return NoFeature(feature);
        if (!PromptAliases.All.Contains(alias)) return Problem(StatusCodes.Status404NotFound, $"Unknown alias '{alias}'. Aliases: {string.Join(", ", PromptAliases.All)}.");
        if (request.Version is not { } version)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["The version the alias moves to is required."] });
        if (await registry.GetAsync(feature, version, cancellationToken) is null) return Problem(StatusCodes.Status404NotFound, $"{feature} has no version {version}.");
        if (await registry.MoveAliasAsync(feature, alias, version, cancellationToken) is { } refusal) return Problem(StatusCodes.Status409Conflict, refusal);
        return TypedResults.Ok(await InfoAsync(feature, registry, features, providers, cancellationToken));
    }

    internal static async Task<Results<Ok<PromptRegistryInfo>, ProblemHttpResult>> RemoveChallengerAsync(
        string feature, PromptRegistry registry, FeatureCatalog features, ILlmProviderAccessor providers, CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Ids.Contains(feature)) return NoFeature(feature);
        await registry.RemoveChallengerAsync(feature, cancellationToken);
        return TypedResults.Ok(await InfoAsync(feature, registry, features, providers, cancellationToken));
    }

    internal static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);

    internal static ProblemHttpResult NoFeature(string feature) =>
        Problem(StatusCodes.Status404NotFound, $"Unknown feature '{feature}'. Available: {string.Join(", ", FeatureCatalog.Ids)}.");

    private static async Task<PromptRegistryInfo> InfoAsync(
        string feature, PromptRegistry registry, FeatureCatalog features, ILlmProviderAccessor providers, CancellationToken cancellationToken)
    {
        var snapshot = await registry.SnapshotAsync(feature, cancellationToken);
        var versions = await registry.VersionsAsync(feature, cancellationToken);
        var extractive = providers.Current.IsExtractive;
        return new PromptRegistryInfo(feature, features.Get(feature).Name, [.. versions.Select(v => Info(v, Aliases(snapshot, v.Version)))],
            snapshot.Champion.Version, snapshot.Challenger?.Version, !extractive, extractive ? ExtractiveNotice : null);
    }

    private static List<string> Aliases(PromptRegistry.Snapshot snapshot, int version) =>
        [.. PromptAliases.All.Where(a => (a == PromptAliases.Champion ? snapshot.Champion.Version : snapshot.Challenger?.Version) == version)];

    private static PromptVersionInfo Info(PromptVersion v, IReadOnlyList<string> aliases) =>
        new(v.Feature, v.Version, v.SystemPrompt, v.Temperature, v.MaxTokens, v.Model, v.Note, v.CreatedAt, aliases);
}
