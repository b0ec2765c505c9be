using Canopy.Rag.Documents;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Canopy.Tests.Ingestion;

/// <summary>Kills the real canopy-rag process with SIGKILL in the middle of ingestion and checks the restart finishes the job exactly once.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int FileCount = 30;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    private readonly string _root = Directory.CreateTempSubdirectory("canopy-crash-").FullName;

    [Fact]
    public async Task A_process_killed_mid_ingestion_resumes_on_restart_without_duplicates_or_half_documents()
    {
        var documents = Directory.CreateDirectory(Path.Combine(_root, "documents")).FullName;
        for (var i = 0; i < FileCount; i++)
            await File.WriteAllTextAsync(Path.Combine(documents, $"handout-{i:00}.md"), Handout(i));
        var settings = new Dictionary<string, string>
        {
            ["Canopy__Rag__DataPath"] = Path.Combine(_root, "data"),
            ["Canopy__Rag__Ingestion__CorpusPath"] = Directory.CreateDirectory(Path.Combine(_root, "corpus")).FullName,
            ["Canopy__Rag__Ingestion__DocumentsPath"] = documents,
            ["Canopy__Rag__Ingestion__EmbeddingBatchSize"] = "1",
        };
        var database = Path.Combine(_root, "data", "index.db");

        await using (var first = await RagProcess.StartAsync(settings, Deadline))
        {
            var midway = await WaitForAsync(first, d => d.Count(x => x.Status == DocumentStatus.Ready) is > 0 and < FileCount);
            await first.KillAsync();
            output.WriteLine($"killed with {midway.Count(d => d.Status == DocumentStatus.Ready)} of {FileCount} ready: " +
                string.Join(", ", midway.Where(d => d.Status != DocumentStatus.Ready).Select(d => $"{d.Id} {d.Status} {d.Progress}%")));
        }
        var (indexedAtCrash, pendingAtCrash) = Query(database, c => (Scalar(c, "SELECT COUNT(*) FROM documents"), Scalar(c, "SELECT COUNT(*) FROM ingestion_queue WHERE state = 'pending'")));
        Assert.InRange(indexedAtCrash, 1, FileCount - 1);
        Assert.Equal(FileCount - indexedAtCrash, pendingAtCrash);

        await using (var second = await RagProcess.StartAsync(settings, Deadline))
        {
            var done = await WaitForAsync(second, d => d.Count == FileCount && d.All(x => x.Status == DocumentStatus.Ready));
            Assert.All(done, d => Assert.True(d.Chunks > 0, $"{d.Id} has chunks"));
            await second.KillAsync();
        }

        Query(database, c =>
        {
            Assert.Equal(0, Scalar(c, "SELECT COUNT(*) - COUNT(DISTINCT id) FROM chunks"));
            Assert.Equal(0, Scalar(c, "SELECT COUNT(*) FROM documents d WHERE d.chunk_count <> (SELECT COUNT(*) FROM chunks c WHERE c.document_id = d.id)"));
            Assert.Equal(Scalar(c, "SELECT COUNT(*) FROM chunks"), Scalar(c, "SELECT COUNT(*) FROM chunks_fts"));
            Assert.Equal(0, Scalar(c, "SELECT COUNT(*) FROM chunks_fts WHERE chunk_id NOT IN (SELECT id FROM chunks)"));
            Assert.Equal(0, Scalar(c, "SELECT COUNT(*) FROM chunks WHERE document_id NOT IN (SELECT id FROM documents)"));
            Assert.Equal(0, Scalar(c, "SELECT COUNT(*) FROM ingestion_queue"));
            var sources = new List<string>();
            using var command = c.CreateCommand();
            command.CommandText = "SELECT source FROM documents ORDER BY source";
            using var reader = command.ExecuteReader();
            while (reader.Read()) sources.Add(reader.GetString(0));
            Assert.Equal(Enumerable.Range(0, FileCount).Select(i => $"documents/handout-{i:00}.md"), sources);
            return 0;
        });
    }

    private async Task<IReadOnlyList<DocumentInfo>> WaitForAsync(RagProcess rag, Func<IReadOnlyList<DocumentInfo>, bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        IReadOnlyList<DocumentInfo> last = [];
        while (DateTime.UtcNow < until)
        {
            last = await rag.DocumentsAsync();
            if (condition(last)) return last;
            await Task.Delay(25);
        }
        throw new TimeoutException($"Documents never reached the expected state: {string.Join(", ", last.Select(d => $"{d.Id}={d.Status}"))}\n{rag.Log}");
    }

    // Three short sections each: quick to embed, yet several embedding batches per document.
    private static string Handout(int n) =>
        $"# Handout {n}\n\n" + string.Join("\n\n", Enumerable.Range(1, 3).Select(s =>
            $"## Section {s}\n\nHandout {n} section {s} explains how mycorrhizal fungi trade phosphorus for sugar with tree roots."));

    private static T Query<T>(string database, Func<SqliteConnection, T> read)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        return read(connection);
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
