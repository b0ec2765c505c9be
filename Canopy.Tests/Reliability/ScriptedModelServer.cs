using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Canopy.Tests.Reliability;

/// <summary>How the scripted model server misbehaves.</summary>
public enum ModelScript
{
    /// <summary>Answers 500 at once.</summary>
    ServerError,
    /// <summary>Accepts the request and never sends headers.</summary>
    StallBeforeHeaders,
    /// <summary>Streams one sentence, then nothing more until the request is aborted.</summary>
    StallMidStream,
}

/// <summary>An OpenAI-protocol server for fault tests: it fails as scripted and records when canopy-be gives a request up.</summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    public const string FirstSentence = "Leaf area index is the leaf area per unit of ground area. ";
    private readonly WebApplication _app;

    private ScriptedModelServer(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());
    public string ConnectionString => $"Endpoint={BaseAddress}v1;Model=scripted";

    /// <summary>Completes when canopy-be aborts a request this server is still serving.</summary>
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a request has arrived.</summary>
    public TaskCompletionSource Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completing it lets held streams finish normally.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ScriptedModelServer> StartAsync(ModelScript script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedModelServer(app);
        app.MapPost("/v1/chat/completions", (HttpContext context) => server.ServeAsync(context, script));
        await app.StartAsync();
        return server;
    }

    private async Task ServeAsync(HttpContext context, ModelScript script)
    {
        Received.TrySetResult();
        var aborted = context.RequestAborted;
        aborted.Register(() => Aborted.TrySetResult());
        switch (script)
        {
            case ModelScript.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("""{"error":{"message":"the model crashed","type":"server_error"}}""");
                return;
            case ModelScript.StallBeforeHeaders:
                await Task.WhenAny(Release.Task, Task.Delay(Timeout.Infinite, aborted));
                return;
            case ModelScript.StallMidStream:
                context.Response.ContentType = "text/event-stream";
                await SendAsync(context, new { id = "c1", @object = "chat.completion.chunk", created = 1, model = "scripted", choices = new[] { new { index = 0, delta = new { content = FirstSentence }, finish_reason = (string?)null } } });
                await Task.WhenAny(Release.Task, Task.Delay(Timeout.Infinite, aborted));
                if (aborted.IsCancellationRequested) return;
                await SendAsync(context, new { id = "c1", @object = "chat.completion.chunk", created = 1, model = "scripted", choices = new[] { new { index = 0, delta = new { content = "" }, finish_reason = (string?)"stop" } } });
                await context.Response.WriteAsync("data: [DONE]\n\n");
                return;
        }
    }

    private static async Task SendAsync(HttpContext context, object chunk)
    {
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
        await context.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        await _app.DisposeAsync();
    }
}
