using Canopy.Rag.Ingestion;
using Canopy.Rag.VectorStore;
using Canopy.TestUtilities.Files;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Ingestion;

/// <summary>The durable queue on a real SQLite file: bounded tries across restarts, generations, and the durability settings.</summary>
public sealed class IngestionQueueTests : IDisposable
{
    private readonly string _data = TestDirectory.Create("canopy-queue-");

    /// <summary>A new queue over the same file: what a restarted process sees.</summary>
    private IngestionQueue Restart() => new(
        Options.Create(new EmbeddedIndexOptions { DataPath = _data }),
        new HostingEnvironment { ContentRootPath = _data });

    [Fact]
    public async Task A_document_that_stops_the_service_on_every_try_is_given_up_after_max_attempts_with_its_reason()
    {
        using (var first = Restart()) await first.EnqueueAsync("bomb-docx", "documents/bomb.docx", CancellationToken.None, "hash-1");

        // Each try is counted before it starts; then the process "dies" (the queue object is dropped without completing the job).
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var queue = Restart();
            var (claimed, gaveUp) = await queue.ClaimAsync((await queue.NextAsync(CancellationToken.None))!, maxAttempts: 3, CancellationToken.None);
            Assert.Equal((attempt, false), (claimed?.Attempts, gaveUp));
        }

        using var last = Restart();
        Assert.Equal((null, true), await last.ClaimAsync((await last.NextAsync(CancellationToken.None))!, maxAttempts: 3, CancellationToken.None));
        var failed = Assert.Single(await last.ListAsync(CancellationToken.None));
        Assert.True(failed.Failed);
        Assert.StartsWith("Gave up after 3 attempts", failed.Error);
        Assert.Null(await last.NextAsync(CancellationToken.None));

        // The same file found again by a scan or the watcher stays failed; a new upload of it is tried afresh.
        await last.EnqueueAsync("bomb-docx", "documents/bomb.docx", CancellationToken.None, "hash-1");
        Assert.Null(await last.NextAsync(CancellationToken.None));
        await last.EnqueueAsync("bomb-docx", "documents/bomb.docx", CancellationToken.None, "hash-1", force: true);
        Assert.Equal(0, (await last.NextAsync(CancellationToken.None))?.Attempts);
    }

    [Fact]
    public async Task A_try_stopped_by_a_shutdown_is_not_counted()
    {
        using var queue = Restart();
        await queue.EnqueueAsync("notes-md", "documents/notes.md", CancellationToken.None, "hash-1");
        var (claimed, _) = await queue.ClaimAsync((await queue.NextAsync(CancellationToken.None))!, 3, CancellationToken.None);

        await queue.ReleaseAsync(claimed!, CancellationToken.None);

        Assert.Equal(0, (await queue.NextAsync(CancellationToken.None))?.Attempts);
    }

    [Fact]
    public async Task Work_for_an_older_generation_neither_completes_nor_fails_the_newer_one()
    {
        using var queue = Restart();
        await queue.EnqueueAsync("notes-md", "documents/notes.md", CancellationToken.None, "hash-1");
        var old = (await queue.NextAsync(CancellationToken.None))!;
        await queue.EnqueueAsync("notes-md", "documents/notes.md", CancellationToken.None, "hash-1");
        Assert.Equal(old.Generation, (await queue.NextAsync(CancellationToken.None))!.Generation); // same content: nothing new

        await queue.EnqueueAsync("notes-md", "documents/notes.md", CancellationToken.None, "hash-2");
        Assert.False(await queue.IsCurrentAsync(old, CancellationToken.None));
        await queue.CompleteAsync(old, CancellationToken.None);
        await queue.FailAsync(old, "stale", "hash-1", CancellationToken.None);

        var current = Assert.Single(await queue.ListAsync(CancellationToken.None));
        Assert.Equal((false, "hash-2", old.Generation + 1), (current.Failed, current.ContentHash, current.Generation));
        Assert.Equal(1, queue.PendingCount);
    }

    [Fact]
    public async Task Cancelling_makes_a_new_generation_so_work_in_flight_cannot_complete()
    {
        using var queue = Restart();
        await queue.EnqueueAsync("notes-md", "documents/notes.md", CancellationToken.None, "hash-1");
        var running = (await queue.NextAsync(CancellationToken.None))!;

        Assert.True(await queue.CancelAsync("notes-md", "Ingestion was cancelled on request.", "hash-1", CancellationToken.None));
        Assert.False(await queue.CancelAsync("notes-md", "again", "hash-1", CancellationToken.None));

        Assert.False(await queue.IsCurrentAsync(running, CancellationToken.None));
        Assert.Equal((0, 1), (queue.PendingCount, queue.FailedCount));
    }

    [Fact]
    public async Task The_queue_file_is_in_wal_mode_and_every_commit_is_synced()
    {
        using var queue = Restart();
        await queue.InitializeAsync(CancellationToken.None);
        await using var connection = await queue.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, command.ExecuteScalar()); // FULL
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { }
    }
}
