using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Canopy.TestUtilities.Milvus;

/// <summary>One request the fake Milvus received.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Path, string? Authorization, JsonObject Body)
{
    /// <summary>The REST action, e.g. <c>entities/search</c>.</summary>
    public string Action => Path.Contains("/v2/vectordb/", StringComparison.Ordinal)
        ? Path[(Path.IndexOf("/v2/vectordb/", StringComparison.Ordinal) + "/v2/vectordb/".Length)..]
        : Path;

    public string? Collection => (string?)Body["collectionName"];
}

/// <summary>Answers Milvus REST calls with canned envelopes per action and records every request in order.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, (HttpStatusCode Status, string Body)> _answers = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(HttpStatusCode Status, string Body)>> _once = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>When set, requests wait until they are cancelled (to exercise timeouts).</summary>
    public bool Hang { get; set; }

    public Exception? Throw { get; set; }

    /// <summary>The default answer to an action.</summary>
    public RecordingHandler On(string action, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _answers[action] = (status, body);
        return this;
    }

    /// <summary>An answer used once, before the default.</summary>
    public RecordingHandler Once(string action, string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _once.GetOrAdd(action, _ => new()).Enqueue((status, body));
        return this;
    }

    public IEnumerable<RecordedRequest> For(string action) => Requests.Where(r => r.Action == action);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(),
            JsonNode.Parse(text)!.AsObject());
        lock (Requests) Requests.Add(recorded);

        if (Throw is not null) throw Throw;
        if (Hang) await Task.Delay(Timeout.Infinite, cancellationToken);

        var (status, body) = _once.TryGetValue(recorded.Action, out var queue) && queue.TryDequeue(out var next) ? next
            : _answers.TryGetValue(recorded.Action, out var answer) ? answer
            : (HttpStatusCode.OK, """{"code":0,"data":{}}""");
        return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
