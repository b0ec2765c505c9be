namespace Canopy.IntegrationTests.Guardrails;

/// <summary>A loopback server that plays the orchestrator: it answers, fails, or stalls.</summary>
internal sealed class OrchestratorTestServer : IAsyncDisposable
{
    private LoopbackServer _server = default!;

    public List<string> Bodies { get; } = [];

    /// <summary>Completed when a stalled request was abandoned by the client.</summary>
    public TaskCompletionSource ClientGaveUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Endpoint => _server.BaseAddress.ToString().TrimEnd('/');

    public static async Task<OrchestratorTestServer> StartAsync(Func<HttpContext, OrchestratorTestServer, Task> handle)
    {
        var server = new OrchestratorTestServer();
        server._server = await LoopbackServer.StartAsync(app => app.MapPost("/api/v2/text/detection/content", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (server.Bodies) server.Bodies.Add(body);
            await handle(context, server);
        }));
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
    public static string ClosedEndpoint() => LoopbackServer.ClosedAddress().ToString().TrimEnd('/');

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
