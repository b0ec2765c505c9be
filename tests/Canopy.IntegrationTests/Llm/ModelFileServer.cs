using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Canopy.IntegrationTests.Llm;

/// <summary>
/// A loopback server that serves one file with Range support, and can cut the first response after
/// some bytes (as a dropped connection would) or ignore Range headers (as some servers do).
/// </summary>
public sealed class ModelFileServer : IAsyncDisposable
{
    public const string Path = "/models/tiny-model.gguf";

    private readonly byte[] _content;
    private LoopbackServer _server = default!;
    private int _requests;

    private ModelFileServer(byte[] content) => _content = content;

    /// <summary>The Range header of each request, in order (null when none was sent).</summary>
    public ConcurrentQueue<string?> RangeHeaders { get; } = new();

    public long? CutFirstResponseAfter { get; init; }
    public bool IgnoreRange { get; init; }

    public Uri Url => new(_server.BaseAddress, Path);

    public static async Task<ModelFileServer> StartAsync(byte[] content, long? cutFirstResponseAfter = null, bool ignoreRange = false)
    {
        var server = new ModelFileServer(content) { CutFirstResponseAfter = cutFirstResponseAfter, IgnoreRange = ignoreRange };
        server._server = await LoopbackServer.StartAsync(app => app.MapGet(Path, server.ServeAsync));
        return server;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var first = Interlocked.Increment(ref _requests) == 1;
        var rangeHeader = context.Request.Headers.Range.ToString();
        RangeHeaders.Enqueue(rangeHeader.Length > 0 ? rangeHeader : null);

        long from = 0;
        if (!IgnoreRange && RangeHeaderValue.TryParse(rangeHeader, out var range) && range.Ranges.Single().From is { } start)
        {
            if (start >= _content.Length)
            {
                context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                context.Response.Headers.ContentRange = $"bytes */{_content.Length}";
                return;
            }
            from = start;
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {from}-{_content.Length - 1}/{_content.Length}";
        }
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = _content.Length - from;

        var end = first && CutFirstResponseAfter is { } cut ? Math.Min(cut, _content.Length) : _content.Length;
        await context.Response.Body.WriteAsync(_content.AsMemory((int)from, (int)(end - from)));
        if (end < _content.Length)
        {
            await context.Response.Body.FlushAsync();
            context.Abort();
        }
    }

    /// <summary>An address where nothing listens: a port that was just taken and released.</summary>
    public static Uri UnreachableUrl() => new(LoopbackServer.ClosedAddress(), Path);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
