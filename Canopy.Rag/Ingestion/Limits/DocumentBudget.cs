namespace Canopy.Rag.Ingestion.Limits;

/// <summary>Why the work on one document was stopped before it finished.</summary>
public enum BudgetStop { None, Timeout, Memory, Cancelled, Deleted, Superseded }

/// <summary>
/// The time and memory one document may use. Its token is cancelled when the time is up, when the managed heap has grown by
/// more than the limit since the document started, or when the document is cancelled, deleted or replaced; <see cref="Stop"/>
/// remembers the first reason.
/// </summary>
public sealed class DocumentBudget : IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _cancellation;
    private readonly Timer _watch;
    private readonly long _heapAtStart = GC.GetTotalMemory(false);
    private readonly DateTime _deadline;
    private int _stop;

    public DocumentBudget(IngestionLimits limits, CancellationToken stoppingToken)
    {
        Limits = limits;
        StoppingToken = stoppingToken;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _deadline = DateTime.UtcNow.AddSeconds(limits.DocumentTimeoutSeconds);
        Extraction = new ExtractionBudget(limits, _cancellation.Token);
        _watch = new Timer(_ => Check(), null, CheckEvery, CheckEvery);
    }

    public IngestionLimits Limits { get; }

    /// <summary>The service is shutting down (not the document's fault).</summary>
    public CancellationToken StoppingToken { get; }

    public CancellationToken Token => _cancellation.Token;

    public ExtractionBudget Extraction { get; }

    public BudgetStop Reason => (BudgetStop)Volatile.Read(ref _stop);

    public void Stop(BudgetStop reason)
    {
        if (Interlocked.CompareExchange(ref _stop, (int)reason, (int)BudgetStop.None) != (int)BudgetStop.None) return;
        try { _cancellation.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>The failure a stop means for the document, or null when the stop is not the document's fault (shutdown, delete, new version).</summary>
    public DocumentLimitException? Failure => Reason switch
    {
        BudgetStop.Timeout => DocumentLimitException.TookTooLong(Limits.DocumentTimeoutSeconds),
        BudgetStop.Memory => DocumentLimitException.NeededTooMuchMemory(Limits.MaxDocumentMemoryBytes),
        BudgetStop.Cancelled => new DocumentLimitException("Ingestion was cancelled on request."),
        _ => null,
    };

    private void Check()
    {
        if (DateTime.UtcNow >= _deadline) Stop(BudgetStop.Timeout);
        else if (GC.GetTotalMemory(false) - _heapAtStart > Limits.MaxDocumentMemoryBytes &&
                 // Garbage not collected yet is not use: confirm with a full collection before stopping the document.
                 GC.GetTotalMemory(true) - _heapAtStart > Limits.MaxDocumentMemoryBytes)
            Stop(BudgetStop.Memory);
    }

    public void Dispose()
    {
        _watch.Dispose();
        _cancellation.Dispose();
    }
}
