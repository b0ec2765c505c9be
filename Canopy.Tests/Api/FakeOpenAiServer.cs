using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Canopy.Tests.Api;

/// <summary>
/// A local server speaking OpenAI's chat completions protocol (as vLLM does): it streams the given pieces as
/// <c>chat.completion.chunk</c>s, then a usage chunk and <c>[DONE]</c>, and records each request body.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public List<JsonElement> Requests { get; } = [];
    public Uri BaseAddress { get; }

    private FakeOpenAiServer(WebApplication app, Uri address) => (_app, BaseAddress) = (app, address);

    public static async Task<FakeOpenAiServer> StartAsync(string model, IReadOnlyList<string> pieces, int promptTokens, int completionTokens)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeOpenAiServer? server = null;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            lock (server!.Requests) server.Requests.Add(body);
            context.Response.ContentType = "text/event-stream";
            async Task Send(object chunk) => await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n", Encoding.UTF8);
            foreach (var piece in pieces)
                await Send(new { id = "c1", @object = "chat.completion.chunk", created = 1, model, choices = new[] { new { index = 0, delta = new { content = piece }, finish_reason = (string?)null } } });
            await Send(new { id = "c1", @object = "chat.completion.chunk", created = 1, model, choices = new[] { new { index = 0, delta = new { content = "" }, finish_reason = (string?)"stop" } } });
            await Send(new { id = "c1", @object = "chat.completion.chunk", created = 1, model, choices = Array.Empty<object>(), usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens } });
            await context.Response.WriteAsync("data: [DONE]\n\n");
        });
        await app.StartAsync();
        server = new FakeOpenAiServer(app, new Uri(app.Urls.First()));
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
