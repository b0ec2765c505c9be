using System.Security.Claims;
using Canopy.Api.Features;
using Canopy.Api.Prompts;
using Canopy.Contracts.Experiments;
using Canopy.Contracts.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Experiments;

/// <summary>
/// A/B tests of prompt versions (<c>/api/ab-tests</c>): whether a feature's test runs, students' preferences between the two
/// answers, and the results instructors read.
/// </summary>
public static class AbTestEndpoints
{
    public static IHostApplicationBuilder AddAbTests(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AbTestOptions>().BindConfiguration(AbTestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPreferenceStore, SqlitePreferenceStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAbTestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ab-tests");
        api.MapGet("/", ResultsAsync).WithName("AbTestResults").RequireAuthorization(CanopyRoles.InstructorPolicy);
        api.MapGet("/{feature}", PlanAsync).WithName("AbTestPlan").RequireAuthorization(CanopyRoles.ReaderPolicy);
        api.MapPost("/{feature}/preferences", PreferAsync).WithName("AddPreference").RequireAuthorization(CanopyRoles.ReaderPolicy);
        return app;
    }

    /// <summary>The pair a turn runs while the feature's A/B test is on: the <c>ab-testing</c> flag is on and a challenger exists.</summary>
    internal static async Task<Results<Ok<AbTestPlan>, NoContent, ProblemHttpResult>> PlanAsync(
        string feature, FeatureCatalog features, PromptRegistry prompts, CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Ids.Contains(feature)) return PromptEndpoints.NoFeature(feature);
        // Two agents side by side would each ask to write the same calendar event: the student assistant is not A/B tested here.
        if (!features.IsFlagOn(FlagIds.AbTesting) || !features.IsEnabled(feature) || features.Get(feature).UsesTools) return TypedResults.NoContent();
        var snapshot = await prompts.SnapshotAsync(feature, cancellationToken);
        return snapshot.Challenger is { } challenger
            ? TypedResults.Ok(new AbTestPlan(feature, snapshot.Champion.Version, challenger.Version))
            : TypedResults.NoContent();
    }

    internal static async Task<Results<Created<PreferenceCreated>, ValidationProblem, ProblemHttpResult>> PreferAsync(
        string feature, PreferenceRequest request, PromptRegistry prompts, IPreferenceStore store, ClaimsPrincipal user, Pseudonyms pseudonyms,
        CancellationToken cancellationToken)
    {
        if (!FeatureCatalog.Ids.Contains(feature)) return PromptEndpoints.NoFeature(feature);
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (champion, challenger) = (request.Champion!, request.Challenger!);
        foreach (var version in new[] { champion.Version!.Value, challenger.Version!.Value })
            if (await prompts.GetAsync(feature, version, cancellationToken) is null)
                return PromptEndpoints.Problem(StatusCodes.Status404NotFound, $"{feature} has no prompt version {version}.");
        var preference = new Preference(feature, champion.Version.Value, challenger.Version.Value, request.Winner!, champion.TraceId!,
            challenger.TraceId!, request.ConversationId, pseudonyms.Of(user));
        var id = await store.AddAsync(preference, cancellationToken);
        PreferenceTrace.Record(id, preference, champion, challenger);
        return TypedResults.Created($"/api/ab-tests/{feature}/preferences/{id}", new PreferenceCreated(id));
    }

    internal static async Task<Ok<List<AbTestResult>>> ResultsAsync(IPreferenceStore store, IOptions<AbTestOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.TalliesAsync(cancellationToken)).Select(t => AbTestStatistics.Result(t, options.Value.MinimumDecidedVotes)).ToList());
}
