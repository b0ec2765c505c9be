using System.Globalization;
using Canopy.Rag.VectorStore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// The durable queue of ingestion work, a table in the index's SQLite file: a document is queued before it is read
/// and leaves the queue only after its index write committed, so work interrupted by a crash is redone on restart.
/// Failed documents stay as rows with their reason and the hash of the file that failed.
/// </summary>
public sealed class IngestionQueue : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly string _path;
    private string? _connectionString;
    private int _pending;
    private int _rescanRequested;

    public IngestionQueue(IOptions<EmbeddedIndexOptions> options, IHostEnvironment environment)
    {
        _path = Path.Combine(Path.GetFullPath(options.Value.DataPath, environment.ContentRootPath), options.Value.IndexFileName);
        RagTelemetry.Meter.CreateObservableGauge("canopy.rag.ingestion.queue.length", () => Volatile.Read(ref _pending),
            "{document}", "Documents waiting to be ingested or removed.");
    }

    public int PendingCount => Volatile.Read(ref _pending);

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
                SELECT COUNT(*) FROM ingestion_queue WHERE state = 'pending';
                """;
            _pending = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            _connectionString = connectionString;
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <summary>
    /// Queues a document (again): a queued one keeps its place, a failed one is retried unless
    /// <paramref name="contentHash"/> shows the very file that failed (a watcher event after the failure).
    /// </summary>
    public async Task EnqueueAsync(string documentId, string source, CancellationToken cancellationToken, string? contentHash = null)
    {
        await ExecuteAsync("""
            INSERT INTO ingestion_queue (document_id, source, state, seq, updated_at)
            VALUES ($id, $source, 'pending', (SELECT COALESCE(MAX(seq), 0) + 1 FROM ingestion_queue), $at)
            ON CONFLICT(document_id) DO UPDATE SET source = excluded.source, state = 'pending', error = NULL, content_hash = NULL,
                seq = CASE WHEN ingestion_queue.state = 'pending' THEN ingestion_queue.seq ELSE excluded.seq END, updated_at = excluded.updated_at
            WHERE NOT (ingestion_queue.state = 'failed' AND ingestion_queue.content_hash IS $hash AND $hash IS NOT NULL)
            """, cancellationToken, ("$id", documentId), ("$source", source), ("$hash", contentHash));
        Signal();
    }

    /// <summary>The next pending job: bundled corpus first (readiness waits for it), then in queue order.</summary>
    public async Task<QueuedDocument?> NextAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE state = 'pending' ORDER BY CASE WHEN source LIKE 'corpus/%' THEN 0 ELSE 1 END, seq LIMIT 1", cancellationToken))
            .FirstOrDefault();

    public async Task<IReadOnlyList<QueuedDocument>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync("ORDER BY seq", cancellationToken);

    public async Task<bool> HasPendingAsync(string sourcePrefix, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE state = 'pending' AND source LIKE $prefix || '%' LIMIT 1", cancellationToken, ("$prefix", sourcePrefix))).Count > 0;

    /// <summary>Removes the job: the document is indexed, removed, or no longer exists.</summary>
    public Task CompleteAsync(string documentId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM ingestion_queue WHERE document_id = $id", cancellationToken, ("$id", documentId));

    /// <summary>Keeps the failure and the hash of the file that failed, so an unchanged broken file is not retried on every rescan.</summary>
    public Task FailAsync(string documentId, string error, string? contentHash, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ingestion_queue SET state = 'failed', error = $error, content_hash = $hash, updated_at = $at WHERE document_id = $id",
            cancellationToken, ("$id", documentId), ("$error", error), ("$hash", contentHash));

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

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql + ";\nSELECT COUNT(*) FROM ingestion_queue WHERE state = 'pending';";
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        Volatile.Write(ref _pending, Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
    }

    private async Task<IReadOnlyList<QueuedDocument>> QueryAsync(string tail, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document_id, source, state, error, content_hash, updated_at FROM ingestion_queue " + tail;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var jobs = new List<QueuedDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new QueuedDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2) == "failed",
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }
        return jobs;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connectionString is null) await InitializeAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public void Dispose()
    {
        _signal.Dispose();
        _initLock.Dispose();
    }
}

/// <summary>A row of the queue: pending work, or a failure with its reason.</summary>
public sealed record QueuedDocument(string DocumentId, string Source, bool Failed, string? Error, string? ContentHash, DateTimeOffset UpdatedAt);
