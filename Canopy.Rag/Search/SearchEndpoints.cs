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
        return builder;
    }

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
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

    internal static Dictionary<string, string[]> Validate(SearchRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Query))
            errors["query"] = ["A query is required."];
        else if (request.Query.Length > SearchOptions.MaxQueryLength)
            errors["query"] = [$"A query has at most {SearchOptions.MaxQueryLength} characters."];
        if (request.TopK is < 1 or > SearchOptions.MaxTopK)
            errors["topK"] = [$"topK must be between 1 and {SearchOptions.MaxTopK}."];
        return errors;
    }
}
