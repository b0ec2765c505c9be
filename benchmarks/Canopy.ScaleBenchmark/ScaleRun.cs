using System.Diagnostics;
using System.Globalization;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.ScaleBenchmark;

/// <summary>Grows one index through the sizes asked for and measures it at each (see <see cref="ScaleSettings"/>).</summary>
internal static class ScaleRun
{
    private const int Probes = 50;

    public static async Task<int> RunAsync(ScaleSettings settings, CancellationToken cancellationToken)
    {
        var root = settings.DataPath ?? Directory.CreateTempSubdirectory("canopy-scale-").FullName;
        Directory.CreateDirectory(root);
        var corpus = new SyntheticCorpus(settings.Seed, settings.Words);
        Console.Error.WriteLine($"Index folder: {root}");
        CheckCorpus(root, corpus);
        var written = -1;
        try
        {
            foreach (var size in settings.Sizes)
            {
                using (var index = Open(root))
                {
                    await index.InitializeAsync(cancellationToken);
                    // An index kept in --data is grown on from where an earlier run (with the same seed) stopped.
                    if (written < 0) written = (await index.ListDocumentsAsync(cancellationToken)).Count(d => d.Id.StartsWith("doc-", StringComparison.Ordinal));
                    written = await GrowAsync(index, corpus, written, size, cancellationToken);
                    Report(size, "write_doc_ms", await ProbeWritesAsync(index, corpus, size, cancellationToken));
                }
                SqliteConnection.ClearAllPools();
                // Start-up and memory in a process of their own, as canopy-rag would open the index.
                foreach (var line in await OpenInChildAsync(root, size, cancellationToken)) Console.WriteLine(line);
                using (var index = Open(root, settings.KeywordPostingsShare))
                {
                    await index.InitializeAsync(cancellationToken);
                    // Searches are measured on the graph that takes writes (start-up searches a mapped file, measured above).
                    await index.FlushAsync(cancellationToken);
                    await MeasureSearchAsync(index, corpus, settings.Queries, size, cancellationToken);
                    if (settings.Turns > 0) await TurnRun.CheckSourcesAsync(index, cancellationToken);
                }
                SqliteConnection.ClearAllPools();
                if (settings.Turns > 0) await TurnRun.MeasureAsync(root, size, corpus, settings.Turns, settings.WarmupTurns, settings.ServiceCpus, cancellationToken);
            }
            return 0;
        }
        finally
        {
            if (settings.DataPath is null) Directory.Delete(root, recursive: true);
        }
    }

    // An index kept in --data is grown only with the corpus it was grown with; indexes from before the marker are of letter strings.
    private static void CheckCorpus(string root, SyntheticCorpus corpus)
    {
        var marker = Path.Combine(root, "synthetic-corpus.txt");
        var existing = File.Exists(marker) ? File.ReadAllText(marker).Trim()
            : Directory.EnumerateFiles(root).Any() ? new SyntheticCorpus(corpus.Seed, CorpusWords.Letters).Description : null;
        if (existing is not null && existing != corpus.Description)
            throw new InvalidOperationException($"The index in {root} was grown with the corpus '{existing}', not '{corpus.Description}': pass the same --seed and --words, or another --data.");
        File.WriteAllText(marker, corpus.Description + "\n");
    }

    /// <summary>Opens the index as canopy-rag does and reports the time it took and the process's memory.</summary>
    public static async Task<int> OpenOnlyAsync(string root, int size, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var index = Open(root);
        await index.InitializeAsync(cancellationToken);
        Report(size, "open_s", Stopwatch.GetElapsedTime(started).TotalSeconds);
        // Start-up ends when the first question's hybrid search has answered, as a chat turn makes it.
        var query = new SyntheticCorpus(0).Query(0);
        var search = new SearchService(index, new FixedEmbeddings([query]), Options.Create(new SearchOptions()), reranker: null);
        await search.SearchAsync(query.Text, 5, new SearchFilter(), "hybrid", cancellationToken);
        Report(size, "startup_s", Stopwatch.GetElapsedTime(started).TotalSeconds);
        // Searches run from here; the graph that takes writes is loaded in the background, and memory is measured after it.
        await index.FlushAsync(cancellationToken);
        Report(size, "writable_s", Stopwatch.GetElapsedTime(started).TotalSeconds);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        Report(size, "rss_mb", process.WorkingSet64 / 1048576.0);
        Report(size, "peak_rss_mb", process.PeakWorkingSet64 / 1048576.0);
        Report(size, "heap_mb", GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
        return 0;
    }

    private static async Task<int> GrowAsync(SqliteVectorIndex index, SyntheticCorpus corpus, int written, int size, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var target = size / ScaleSettings.ChunksPerDocument;
        var from = written;
        while (written < target)
        {
            var (document, chunks) = corpus.Document($"doc-{written}", written);
            await index.ReplaceDocumentAsync(document, chunks, cancellationToken);
            written++;
            if (written % Math.Max(1, target / 20) == 0)
                Console.Error.WriteLine($"  {written * ScaleSettings.ChunksPerDocument} of {size} chunks written ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)");
        }
        // The graph takes new vectors in the background; the build counts until it holds them all.
        await index.FlushAsync(cancellationToken);
        if (written > from) Report(size, "build_chunks_per_s", (written - from) * ScaleSettings.ChunksPerDocument / Stopwatch.GetElapsedTime(started).TotalSeconds);
        return written;
    }

    // The cost of writing one more 10-chunk document at this size (then deleting it again, untimed).
    private static async Task<double> ProbeWritesAsync(SqliteVectorIndex index, SyntheticCorpus corpus, int size, CancellationToken cancellationToken)
    {
        var timings = new List<double>(Probes);
        // The same writes once untimed first, so that every size is measured with the write path's code optimised (tiered JIT).
        for (var i = 0; i < Probes; i++)
        {
            var (document, chunks) = corpus.Document($"probe-{i}", 10_000_000 + i);
            await index.ReplaceDocumentAsync(document, chunks, cancellationToken);
        }
        for (var i = 0; i < Probes; i++) await index.DeleteDocumentAsync($"probe-{i}", cancellationToken);
        await index.FlushAsync(cancellationToken);
        for (var i = 0; i < Probes; i++)
        {
            var (document, chunks) = corpus.Document($"probe-{i}", 10_000_000 + i);
            var started = Stopwatch.GetTimestamp();
            await index.ReplaceDocumentAsync(document, chunks, cancellationToken);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        for (var i = 0; i < Probes; i++) await index.DeleteDocumentAsync($"probe-{i}", cancellationToken);
        await index.FlushAsync(cancellationToken);
        return Percentile(timings, 0.5);
    }

    private static async Task MeasureSearchAsync(SqliteVectorIndex index, SyntheticCorpus corpus, int count, int size, CancellationToken cancellationToken)
    {
        var queries = Enumerable.Range(0, count).Select(corpus.Query).ToList();
        var search = new SearchService(index, new FixedEmbeddings(queries), Options.Create(new SearchOptions()), reranker: null);
        var vector = new List<double>();
        var filtered = new List<double>();
        var keyword = new List<double>();
        var hybrid = new List<double>();
        var fullOr = new List<double>();
        var overlap = 0.0;
        using var unselected = new FullOrKeywordSearch(index.DatabasePath);
        var found = new List<IReadOnlyList<ScoredChunk>>();
        for (var i = 0; i < queries.Count; i++)
        {
            var (text, query) = queries[i];
            // The question's first search, as a chat turn makes it: its words' statistics may not be known yet.
            await TimeAsync(hybrid, () => search.SearchAsync(text, 5, new SearchFilter(), "hybrid", cancellationToken));
            found.Add(await TimeAsync(vector, () => index.SearchVectorAsync(query, 10, new SearchFilter(), cancellationToken)));
            await TimeAsync(filtered, () => index.SearchVectorAsync(query, 10, new SearchFilter(Courses: [SyntheticCorpus.CourseOf(i)]), cancellationToken));
            var selected = await TimeAsync(keyword, () => index.SearchKeywordsAsync(text, 50, new SearchFilter(), cancellationToken));
            var all = await TimeAsync(fullOr, () => Task.FromResult(unselected.Search(text, 50)));
            overlap += all.Count == 0 ? 1 : selected.Select(h => h.Chunk.Id).Intersect(all).Count() / (double)all.Count;
        }
        Report(size, "vector_p50_ms", Percentile(vector, 0.5));
        Report(size, "vector_p95_ms", Percentile(vector, 0.95));
        Report(size, "vector_recall10", await GroundTruth.RecallAsync(index.DatabasePath, queries.Select(q => q.Vector).ToList(), found, cancellationToken));
        Report(size, "vector_filtered_p50_ms", Percentile(filtered, 0.5));
        Report(size, "keyword_p50_ms", Percentile(keyword, 0.5));
        Report(size, "keyword_p95_ms", Percentile(keyword, 0.95));
        Report(size, "keyword_every_word_p50_ms", Percentile(fullOr, 0.5));
        Report(size, "keyword_overlap50_with_every_word", overlap / queries.Count);
        Report(size, "hybrid_p50_ms", Percentile(hybrid, 0.5));
        Report(size, "hybrid_p95_ms", Percentile(hybrid, 0.95));
    }

    private static async Task<T> TimeAsync<T>(List<double> timings, Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await action();
        timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private static async Task<IReadOnlyList<string>> OpenInChildAsync(string root, int size, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        // Run as `dotnet Canopy.ScaleBenchmark.dll`, the process is dotnet itself: the assembly comes first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(ScaleRun).Assembly.Location);
        foreach (var argument in new[] { "--open", root, "--open-size", size.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0) throw new InvalidOperationException($"Opening the index in a child process failed with exit code {child.ExitCode}.");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static SqliteVectorIndex Open(string root, double? postingsShare = null)
    {
        var options = new EmbeddedIndexOptions { DataPath = root };
        if (postingsShare is { } share) options.KeywordPostingsShare = share;
        return new(Options.Create(options),
            new HostingEnvironment { ContentRootPath = root, EnvironmentName = "Production" }, NullLogger<SqliteVectorIndex>.Instance);
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * sorted.Count))];
    }

    public static void Report(int size, string measure, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale n={size} {measure}={value:0.###}"));
}
