using System.Globalization;
using Canopy.Rag.VectorStore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// The durable queue of ingestion work, a table in the index's SQLite file: a document is queued before it is read and leaves
/// the queue only after its index write committed, so work interrupted by a crash is redone on restart. Every enqueue starts a
/// new generation of the row, and work done for an older generation is never written. Tries are counted before they start,
/// so a document that crashes the service is given up after a bounded number of them. Failed documents stay as rows with
/// their reason and the hash of the file that failed.
/// </summary>
public sealed class IngestionQueue : IDisposable
{
    private const string Columns = "document_id, source, state, error, content_hash, updated_at, generation, attempts";

    private readonly SemaphoreSlim _signal = new(0);
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly string _path;
    private string? _connectionString;
    private int _pending;
    private int _failed;
    private int _rescanRequested;

    public IngestionQueue(IOptions<EmbeddedIndexOptions> options, IHostEnvironment environment)
    {
        _path = Path.Combine(Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath), options.Value.IndexFileName);
        RagTelemetry.Meter.CreateObservableGauge("canopy.rag.ingestion.queue.length", () => Volatile.Read(ref _pending),
            "{document}", "Documents waiting to be ingested or removed.");
    }

    public int PendingCount => Volatile.Read(ref _pending);

    public int FailedCount => Volatile.Read(ref _failed);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_connectionString is not null) return;
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS ingestion_queue (
                    document_id TEXT PRIMARY KEY,
                    source TEXT NOT NULL,
                    state TEXT NOT NULL,
                    error TEXT NULL,
                    content_hash TEXT NULL,
                    seq INTEGER NOT NULL,
                    updated_at TEXT NOT NULL);
                SELECT COUNT(*) FROM pragma_table_info('ingestion_queue') WHERE name = 'generation';
                """;
            // Queues written before generations and attempts existed get the columns once.
            if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                command.CommandText = """
                    ALTER TABLE ingestion_queue ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
                    ALTER TABLE ingestion_queue ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            _connectionString = connectionString;
        }
        finally
        {
            _initLock.Release();
        }
        await ExecuteAsync("SELECT 1", cancellationToken);
    }

    /// <summary>
    /// Queues a document (again) as a new generation with its tries reset. Nothing changes when the row already is about the
    /// same content (<paramref name="contentHash"/>): still pending, or failed for that very file; <paramref name="force"/>
    /// (an upload) queues anyway.
    /// </summary>
    public async Task EnqueueAsync(string documentId, string source, CancellationToken cancellationToken, string? contentHash = null, bool force = false)
    {
        await ExecuteAsync("""
            INSERT INTO ingestion_queue (document_id, source, state, content_hash, seq, updated_at, generation, attempts)
            VALUES ($id, $source, 'pending', $hash, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ingestion_queue), $at, 1, 0)
            ON CONFLICT(document_id) DO UPDATE SET source = excluded.source, state = 'pending', error = NULL, content_hash = $hash,
                seq = CASE WHEN ingestion_queue.state = 'pending' THEN ingestion_queue.seq ELSE excluded.seq END,
                updated_at = excluded.updated_at, generation = ingestion_queue.generation + 1, attempts = 0
            WHERE $force OR $hash IS NULL OR ingestion_queue.content_hash IS NOT $hash
            """, cancellationToken, ("$id", documentId), ("$source", source), ("$hash", contentHash), ("$force", force));
        Signal();
    }

    /// <summary>The next pending job: bundled corpus first, then in queue order.</summary>
    public async Task<QueuedDocument?> NextAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE state = 'pending' ORDER BY CASE WHEN source LIKE 'corpus/%' THEN 0 ELSE 1 END, seq LIMIT 1", cancellationToken))
            .FirstOrDefault();

    public async Task<IReadOnlyList<QueuedDocument>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync("ORDER BY seq", cancellationToken);

    /// <summary>
    /// Counts a try of the job, durably, before it starts, and returns the job with its try counted. Over
    /// <paramref name="maxAttempts"/> the job is failed for good instead (every earlier try ended with the service stopping)
    /// and <c>GaveUp</c> is true; a job that changed meanwhile (a new version, a delete) gives neither.
    /// </summary>
    public async Task<(QueuedDocument? Job, bool GaveUp)> ClaimAsync(QueuedDocument job, int maxAttempts, CancellationToken cancellationToken)
    {
        var attempts = await ScalarAsync(
            "UPDATE ingestion_queue SET attempts = attempts + 1 WHERE document_id = $id AND generation = $generation AND state = 'pending' RETURNING attempts",
            cancellationToken, ("$id", job.DocumentId), ("$generation", job.Generation));
        if (attempts is null) return (null, false);
        if (attempts <= maxAttempts) return (job with { Attempts = (int)attempts }, false);
        await FailAsync(job, Limits.DocumentLimitException.GaveUp(maxAttempts, job.Error).Message, job.ContentHash, cancellationToken);
        return (null, true);
    }

    /// <summary>Uncounts a try that stopped because the service shut down, which is not the document's fault.</summary>
    public Task ReleaseAsync(QueuedDocument job, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ingestion_queue SET attempts = MAX(attempts - 1, 0) WHERE document_id = $id AND generation = $generation",
            cancellationToken, ("$id", job.DocumentId), ("$generation", job.Generation));

    /// <summary>Whether the job is still the latest pending work for its document (not deleted, cancelled or superseded).</summary>
    public async Task<bool> IsCurrentAsync(QueuedDocument job, CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT 1 FROM ingestion_queue WHERE document_id = $id AND generation = $generation AND state = 'pending'",
            cancellationToken, ("$id", job.DocumentId), ("$generation", job.Generation)) is not null;

    /// <summary>Removes the job once its document is indexed or removed; a newer generation stays queued.</summary>
    public Task CompleteAsync(QueuedDocument job, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM ingestion_queue WHERE document_id = $id AND generation = $generation",
            cancellationToken, ("$id", job.DocumentId), ("$generation", job.Generation));

    /// <summary>Removes whatever the queue holds for the document (it was deleted, or its file is gone).</summary>
    public Task RemoveAsync(string documentId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM ingestion_queue WHERE document_id = $id", cancellationToken, ("$id", documentId));

    /// <summary>
    /// Keeps the failure with the hash of the file that failed, so an unchanged broken file is not retried on every scan;
    /// a null hash (the failure was not the file's) lets the next scan retry it.
    /// </summary>
    public Task FailAsync(QueuedDocument job, string error, string? contentHash, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ingestion_queue SET state = 'failed', error = $error, content_hash = $hash, updated_at = $at WHERE document_id = $id AND generation = $generation",
            cancellationToken, ("$id", job.DocumentId), ("$generation", job.Generation), ("$error", error), ("$hash", contentHash));

    /// <summary>Fails pending work on request, as a new generation so that work in flight for it is not written; false when nothing was pending.</summary>
    public async Task<bool> CancelAsync(string documentId, string error, string? contentHash, CancellationToken cancellationToken) =>
        await ScalarAsync("""
            UPDATE ingestion_queue SET state = 'failed', error = $error, content_hash = $hash, updated_at = $at, generation = generation + 1
            WHERE document_id = $id AND state = 'pending' RETURNING 1
            """, cancellationToken, ("$id", documentId), ("$error", error), ("$hash", contentHash)) is not null;

    public void RequestRescan()
    {
        Interlocked.Exchange(ref _rescanRequested, 1);
        Signal();
    }

    public bool TakeRescanRequest() => Interlocked.Exchange(ref _rescanRequested, 0) == 1;

    /// <summary>Waits until work is queued or the timeout passes; returns false on timeout.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    private void Signal()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await ScalarAsync(sql, cancellationToken, parameters);

    /// <summary>Runs one statement and recounts the queue in the same transaction; returns the statement's first value, if any.</summary>
    private async Task<long?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        long? result = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0)) result = reader.GetInt64(0);
        }
        command.Parameters.Clear();
        command.CommandText = "SELECT COUNT(*) FILTER (WHERE state = 'pending'), COUNT(*) FILTER (WHERE state = 'failed') FROM ingestion_queue";
        await using (var counts = await command.ExecuteReaderAsync(cancellationToken))
        {
            await counts.ReadAsync(cancellationToken);
            Volatile.Write(ref _pending, counts.GetInt32(0));
            Volatile.Write(ref _failed, counts.GetInt32(1));
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<IReadOnlyList<QueuedDocument>> QueryAsync(string tail, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM ingestion_queue " + tail;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var jobs = new List<QueuedDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new QueuedDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2) == "failed",
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.GetInt64(6), reader.GetInt32(7)));
        }
        return jobs;
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null) await InitializeAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await SqliteDurability.ApplyAsync(connection, cancellationToken);
        return connection;
    }

    public void Dispose()
    {
        _signal.Dispose();
        _initLock.Dispose();
    }
}

/// <summary>A row of the queue: pending work (its generation and the tries counted so far), or a failure with its reason.</summary>
public sealed record QueuedDocument(
    string DocumentId, string Source, bool Failed, string? Error, string? ContentHash, DateTimeOffset UpdatedAt, long Generation = 1, int Attempts = 0);
