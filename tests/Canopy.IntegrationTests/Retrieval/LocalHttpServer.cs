using System.Collections.Concurrent;

namespace Canopy.IntegrationTests.Retrieval;

/// <summary>A loopback server that answers every POST with a scripted handler and records what it got.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private LoopbackServer _server = default!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Starts a server whose answer to each request is computed by <paramref name="respond"/> from the request.</summary>
    public static async Task<LocalHttpServer> StartAsync(Func<RecordedRequest, Task<(int Status, string Body)>> respond)
    {
        var server = new LocalHttpServer();
        server._server = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync());
            server.Requests.Enqueue(recorded);
            var (status, body) = await respond(recorded);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }));
        return server;
    }

    public static Task<LocalHttpServer> StartAsync(Func<RecordedRequest, (int Status, string Body)> respond) =>
        StartAsync(r => Task.FromResult(respond(r)));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body);
