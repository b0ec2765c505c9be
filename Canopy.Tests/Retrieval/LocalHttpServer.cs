using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Canopy.Tests.Retrieval;

/// <summary>A real Kestrel server on a free loopback port that answers every POST with a scripted handler and records what it got.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHttpServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts a server whose answer to each request is computed by <paramref name="respond"/> from the request.</summary>
    public static async Task<LocalHttpServer> StartAsync(Func<RecordedRequest, Task<(int Status, string Body)>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalHttpServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync());
            server.Requests.Enqueue(recorded);
            var (status, body) = await respond(recorded);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public static Task<LocalHttpServer> StartAsync(Func<RecordedRequest, (int Status, string Body)> respond) =>
        StartAsync(r => Task.FromResult(respond(r)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body);
