namespace Canopy.Api.Chat;

/// <summary>Streams a chat turn as server-sent events; validation has already passed when this runs.</summary>
public sealed class ChatEventStreamResult(ChatRequest request) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (System.Diagnostics.Activity.Current is { } activity)
            response.Headers["X-Trace-Id"] = activity.TraceId.ToHexString();

        var pipeline = httpContext.RequestServices.GetRequiredService<ChatPipeline>();
        var writer = new SseWriter(response.Body);
        var aborted = httpContext.RequestAborted;
        await pipeline.RunAsync(request, e => writer.WriteAsync(e, aborted), aborted);
    }
}
