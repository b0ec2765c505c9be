using System.Security.Claims;
using System.Diagnostics;
using System.Text.Json;
using Canopy.Contracts.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Canopy.Api.Feedback;

public static class FeedbackEndpoints
{
    public const int MaxListed = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FeedbackStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feedback");
        api.MapPost("/", AddAsync).WithName("AddFeedback").RequireAuthorization(CanopyRoles.ReaderPolicy);
        // Every student's questions and comments: instructors and admins only.
        api.MapGet("/", ListAsync).WithName("ListFeedback").RequireAuthorization(CanopyRoles.InstructorPolicy);
        api.MapGet("/export", Export).WithName("ExportFeedback").RequireAuthorization(CanopyRoles.InstructorPolicy);
        return app;
    }

    internal static async Task<Results<Created<FeedbackCreated>, ValidationProblem>> AddAsync(
        FeedbackRequest request, FeedbackStore store, ClaimsPrincipal user, Pseudonyms pseudonyms, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var userId = pseudonyms.Of(user);
        var id = await store.AddAsync(request, userId, cancellationToken);
        RecordOnTrace(request, id, userId);
        return TypedResults.Created($"/api/feedback/{id}", new FeedbackCreated(id));
    }

    internal static async Task<Results<Ok<List<FeedbackEntry>>, ValidationProblem>> ListAsync(FeedbackStore store, CancellationToken cancellationToken, int limit = 100)
    {
        if (limit is < 1 or > MaxListed)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxListed}."] });
        return TypedResults.Ok(await store.ListAsync(limit, cancellationToken).ToListAsync(cancellationToken));
    }

    /// <summary>The ratings as an evaluation set: one JSON object a line with prompt, answer, rating and trace id.</summary>
    internal static IResult Export(FeedbackStore store) => TypedResults.Stream(async stream =>
    {
        await using var writer = new StreamWriter(stream);
        await foreach (var e in store.ListAsync(int.MaxValue, CancellationToken.None))
            await writer.WriteLineAsync(JsonSerializer.Serialize(new EvaluationRecord(e.Prompt, e.Answer, e.Rating, e.TraceId, e.Comment, e.Feature, e.CreatedAt), Json));
    }, "application/x-ndjson", "canopy-feedback.jsonl");

    // The rating becomes a span in the answer's own trace (under its chat request span when known).
    private static void RecordOnTrace(FeedbackRequest request, long id, string? userId)
    {
        var traceId = ActivityTraceId.CreateFromString(request.TraceId);
        var parent = new ActivityContext(traceId, request.SpanId is null ? ActivitySpanId.CreateRandom() : ActivitySpanId.CreateFromString(request.SpanId), ActivityTraceFlags.Recorded, isRemote: true);
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = ApiTelemetry.Source.StartActivity("feedback", ActivityKind.Internal, parent,
            links: previous is null ? null : [new ActivityLink(previous.Context)]);
        activity?.SetTag("canopy.feedback.id", id);
        activity?.SetTag("canopy.feedback.rating", request.Rating);
        activity?.SetTag("canopy.feature", request.Feature);
        activity?.SetTag(Pseudonyms.Attribute, userId);
        if (ApiTelemetry.CaptureContent && request.Comment is not null) activity?.SetTag("canopy.feedback.comment", request.Comment);
        activity?.Dispose();
        Activity.Current = previous;
    }
}
