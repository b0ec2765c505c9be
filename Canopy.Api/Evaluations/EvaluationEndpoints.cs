using Canopy.Api.Evaluations.Scoring;
using Canopy.Api.Features;
using Canopy.Api.Llm;
using Canopy.Api.Prompts;
using Canopy.Contracts.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Evaluations;

/// <summary>The evaluations API (<c>/api/evaluations</c>, instructors): sets, and runs of a set against a feature's prompt version.</summary>
public static class EvaluationEndpoints
{
    public const int MaxListed = 200;

    public static IHostApplicationBuilder AddEvaluations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IEvaluationStore, SqliteEvaluationStore>();
        builder.Services.AddSingleton<EvaluationSets>();
        builder.Services.AddSingleton<EvaluationQueue>();
        builder.Services.AddSingleton<AnswerScorer>();
        builder.Services.AddSingleton<EvaluationEvents>();
        builder.Services.AddSingleton<CaseRunner>();
        builder.Services.AddHostedService<EvaluationWorker>();
        builder.Services.AddSingleton<IPromotionCheck, ScorePromotionCheck>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluations").RequireAuthorization(CanopyRoles.InstructorPolicy);
        api.MapGet("/sets", ListSetsAsync).WithName("ListEvaluationSets");
        api.MapGet("/runs", ListRunsAsync).WithName("ListEvaluationRuns");
        api.MapGet("/runs/{id:long}", GetRunAsync).WithName("GetEvaluationRun");
        api.MapPost("/runs", StartRunAsync).WithName("StartEvaluationRun");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<EvaluationSetInfo>>> ListSetsAsync(EvaluationSets sets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sets.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<IReadOnlyList<EvaluationRunInfo>>, ValidationProblem>> ListRunsAsync(
        IEvaluationStore store, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 1 or > MaxListed)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxListed}."] });
        return TypedResults.Ok(await store.ListAsync(limit, cancellationToken));
    }

    internal static async Task<Results<Ok<EvaluationRunDetail>, ProblemHttpResult>> GetRunAsync(long id, IEvaluationStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(new EvaluationRunDetail(run, await store.ResultsAsync(id, cancellationToken)))
            : PromptEndpoints.Problem(StatusCodes.Status404NotFound, $"There is no evaluation run {id}.");

    internal static async Task<Results<Accepted<EvaluationRunInfo>, ValidationProblem, ProblemHttpResult>> StartRunAsync(
        EvaluationRunRequest request, IEvaluationStore store, EvaluationSets sets, PromptRegistry prompts, ILlmProviderAccessor providers,
        FeatureCatalog features, EvaluationQueue queue, IOptions<EvaluationOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Feature)) errors["feature"] = ["feature is required."];
        else if (!FeatureCatalog.Ids.Contains(request.Feature)) errors["feature"] = [$"Unknown feature '{request.Feature}'. Available: {string.Join(", ", FeatureCatalog.Ids)}."];
        else if (features.Get(request.Feature).UsesTools && !providers.Current.CallsTools)
            errors["feature"] = [$"{features.Get(request.Feature).Name} needs a model that calls tools; {providers.Current.Name} cannot."];
        if (string.IsNullOrWhiteSpace(request.Set)) errors["set"] = ["set is required."];
        if (request.Version is < 1) errors["version"] = ["version is a number from 1."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (feature, set) = (request.Feature!, request.Set!);

        if (await sets.CasesAsync(set, cancellationToken) is not { } all)
            return PromptEndpoints.Problem(StatusCodes.Status404NotFound, $"There is no evaluation set '{set}'. Sets: {string.Join(", ", (await sets.ListAsync(cancellationToken)).Select(s => s.Name))}.");
        var version = request.Version ?? (await prompts.SnapshotAsync(feature, cancellationToken)).Champion.Version;
        if (await prompts.GetAsync(feature, version, cancellationToken) is null)
            return PromptEndpoints.Problem(StatusCodes.Status404NotFound, $"{feature} has no version {version}.");
        // A case names the feature it was asked of (feedback does); a case naming none fits every feature.
        var cases = all.Where(c => c.Feature is null || c.Feature == feature).ToList();
        if (cases.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["set"] = [$"The set '{set}' has no cases for {feature}."] });
        if (cases.Count > options.Value.MaxCasesPerRun)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["set"] = [$"The set has {cases.Count} cases for {feature}; a run takes at most {options.Value.MaxCasesPerRun}."] });

        var run = await store.CreateAsync(feature, version, set, cases, providers.Current.Name, cancellationToken);
        queue.Notify();
        return TypedResults.Accepted($"/api/evaluations/runs/{run.Id}", run);
    }
}
