using Canopy.TestUtilities.Files;
using System.Collections.Concurrent;
using System.Diagnostics;
using Canopy.Contracts.Search;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Canopy.IntegrationTests.Evaluations;

/// <summary>
/// canopy-be in-process with its own data folders, searching the bundled corpus through a loopback canopy-rag (the real index and
/// MiniLM), extractive unless <paramref name="llm"/> names a model server. Log records as OpenTelemetry exports them are kept.
/// </summary>
public sealed class EvaluationFactory(Uri rag, string? llm = null, string role = "instructor") : SignedInFactory<ChatPipeline>(role)
{
    public string DataPath { get; } = TestDirectory.Create("canopy-be-eval-");

    public ConcurrentQueue<ExportedLog> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var section in new[] { "Feedback", "Prompts", "Evaluations" }) builder.UseSetting($"Canopy:{section}:DataPath", DataPath);
        builder.UseSetting("Canopy:Retrieval:ServiceUri", rag.ToString());
        builder.UseSetting("Canopy:RateLimits:ChatTurnsPerMinute", "100000");
        if (llm is null) builder.UseSetting("Canopy:Llm", "extractive");
        else builder.UseSetting("Canopy:Llm", "endpoint").UseSetting("ConnectionStrings:llm", llm);
        builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(new LogKeeper(Logs))));
    }

    /// <summary>A client signed in as another role, on the same service.</summary>
    public HttpClient ClientAs(string other)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", LocalTokens.For(other));
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataPath, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Copies each record as the exporters receive it (records are pooled and reused afterwards).</summary>
    private sealed class LogKeeper(ConcurrentQueue<ExportedLog> logs) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data) => logs.Enqueue(new ExportedLog(data.EventId.Name, data.TraceId, data.SpanId,
            (data.Attributes ?? []).ToDictionary(a => a.Key, a => a.Value)));
    }
}

/// <summary>A log record as exported: event name, the span it belongs to and its attributes.</summary>
public sealed record ExportedLog(string? EventName, ActivityTraceId TraceId, ActivitySpanId SpanId, IReadOnlyDictionary<string, object?> Attributes);

/// <summary>canopy-rag's search over the bundled corpus, served on loopback from the real embedded index.</summary>
public static class CorpusSearch
{
    public static async Task<LoopbackServer> StartAsync(MiniLmFixture model)
    {
        var corpus = await model.CorpusAsync();
        return await LoopbackServer.StartAsync(app => app.MapPost("/api/search", async (SearchRequest request, CancellationToken cancellationToken) =>
            Results.Ok(await corpus.Search.SearchAsync(request.Query!, request.TopK ?? 5, new SearchFilter(), null, cancellationToken))));
    }
}
