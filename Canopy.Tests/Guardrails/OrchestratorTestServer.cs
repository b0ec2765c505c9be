using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Canopy.Tests.Guardrails;

/// <summary>A real HTTP server on 127.0.0.1 and a random port that plays the orchestrator: it answers, fails, or stalls.</summary>
internal sealed class OrchestratorTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public List<string> Bodies { get; } = [];

    /// <summary>Completed when a stalled request was abandoned by the client.</summary>
    public TaskCompletionSource ClientGaveUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Endpoint => _app.Urls.First();

    private OrchestratorTestServer(WebApplication app) => _app = app;

    public static async Task<OrchestratorTestServer> StartAsync(Func<HttpContext, OrchestratorTestServer, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OrchestratorTestServer(app);
        app.MapPost("/api/v2/text/detection/content", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (server.Bodies) server.Bodies.Add(body);
            await handle(context, server);
        });
        await app.StartAsync();
        return server;
    }

    public static Task Answer(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    /// <summary>Holds the request open until the client disconnects.</summary>
    public static async Task Stall(HttpContext context, OrchestratorTestServer server)
    {
        try { await Task.Delay(Timeout.Infinite, context.RequestAborted); }
        catch (OperationCanceledException) { server.ClientGaveUp.TrySetResult(); }
    }

    /// <summary>An address where nothing listens: a port the OS handed out and took back.</summary>
    public static string ClosedEndpoint()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
