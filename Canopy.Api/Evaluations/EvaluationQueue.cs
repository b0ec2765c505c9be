namespace Canopy.Api.Evaluations;

/// <summary>Wakes the worker when a run is queued; the queue itself is the store's queued runs.</summary>
public sealed class EvaluationQueue
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify() => _signal.Release();

    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);
}
