using Canopy.Web.Chat;

namespace Canopy.IntegrationTests.Web;

/// <summary>Stop in the UI must reach the server: a loopback SSE endpoint records whether its request was aborted.</summary>
public sealed class ChatCancellationTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = default!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app => app.MapPost("/api/chat", async (HttpContext context) =>
        {
            context.RequestAborted.Register(() => _aborted.TrySetResult());
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("event: delta\ndata: {\"delta\":\"The first words \"}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            // The rest of the answer never comes: only the client closing the request ends this handler.
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }));

    [Fact]
    public async Task Stopping_a_streamed_answer_aborts_the_request_canopy_be_is_serving()
    {
        var host = Host.CreateApplicationBuilder();
        host.Configuration["Canopy:ApiUri"] = _server.BaseAddress.ToString();
        Canopy.Web.Identity.SignInExtensions.AddSignIn(host);
        ChatExtensions.AddChat(host);
        // No user is signed in here: what is under test is the client's own connection handling, not the token it adds.
        host.Services.Configure<Microsoft.Extensions.Http.HttpClientFactoryOptions>(typeof(ChatApiClient).Name, o => o.HttpMessageHandlerBuilderActions.Add(
            b => b.AdditionalHandlers.Remove(b.AdditionalHandlers.Single(h => h.GetType().Name == "AccessTokenHandler"))));
        using var services = host.Build();
        var client = services.Services.GetRequiredService<ChatApiClient>();

        using var stop = new CancellationTokenSource();
        var received = new List<ChatEvent>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in client.StreamAsync(new ChatRequest("q", "c"), stop.Token))
            {
                received.Add(e);
                stop.Cancel();
            }
        });

        Assert.Equal("delta", Assert.Single(received).Type);
        await _aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();
}
