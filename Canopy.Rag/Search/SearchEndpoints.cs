using Canopy.Contracts;
using Canopy.Rag.Search.Rerank;
using Canopy.Rag.VectorStore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Search;

public static class SearchEndpoints
{
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RerankOptions>().BindConfiguration(RerankOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<RerankClient>();
        builder.Services.AddSingleton<ResultReranker>();
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddHostedService<SearchWarmup>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(CanopyRoles.SearchPolicy);
        api.MapPost("/search", SearchAsync).WithName("Search");
        return app;
    }

    internal static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        SearchRequest request, SearchService search, IOptions<SearchOptions> options, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var topK = request.TopK ?? options.Value.DefaultTopK;
        var filter = new SearchFilter(request.Courses, request.DocumentIds);
        return TypedResults.Ok(await search.SearchAsync(request.Query!.Trim(), topK, filter, null, cancellationToken));
    }

    /// <summary>The limits are canopy-be's too (<see cref="RequestLimits"/>), so nothing canopy-be forwards is refused here.</summary>
    internal static Dictionary<string, string[]> Validate(SearchRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Query))
            errors["query"] = ["A query is required."];
        else if (request.Query.Length > RequestLimits.MaxSearchQueryLength)
            errors["query"] = [$"A query has at most {RequestLimits.MaxSearchQueryLength} characters; this one has {request.Query.Length}."];
        else if (RequestText.Problem(request.Query) is { } problem)
            errors["query"] = [$"The query {problem}"];
        if (request.TopK is < RequestLimits.MinTopK or > RequestLimits.MaxTopK)
            errors["topK"] = [$"topK must be between {RequestLimits.MinTopK} and {RequestLimits.MaxTopK}."];
        if (FilterProblem(request.Courses, "courses") is { } courses) errors["courses"] = [courses];
        if (FilterProblem(request.DocumentIds, "documentIds") is { } documents) errors["documentIds"] = [documents];
        return errors;
    }

    private static string? FilterProblem(string[]? values, string field)
    {
        if (values is null) return null;
        if (values.Length > RequestLimits.MaxSearchFilters) return $"{field} has at most {RequestLimits.MaxSearchFilters} entries.";
        for (var i = 0; i < values.Length; i++)
        {
            // JSON may carry nulls where the type says none can be.
            if (string.IsNullOrWhiteSpace(values[i])) return $"{field}[{i}] must be a non-empty string.";
            if (values[i].Length > RequestLimits.MaxSearchFilterLength) return $"{field}[{i}] has at most {RequestLimits.MaxSearchFilterLength} characters.";
            if (RequestText.Problem(values[i]) is { } problem) return $"{field}[{i}] {problem}";
        }
        return null;
    }
}
