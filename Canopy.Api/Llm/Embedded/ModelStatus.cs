namespace Canopy.Api.Llm.Embedded;

public enum ModelState
{
    Pending,
    Downloading,
    Verifying,
    Loading,
    Ready,
    Failed,
}

/// <summary>One moment of the model's journey to ready: what it is doing, how far, and why it failed.</summary>
public sealed record ModelStatusSnapshot(ModelState State, string Model, long BytesDone, long? BytesTotal, string? Reason)
{
    public double? Percent => BytesTotal is > 0 ? Math.Round(100.0 * BytesDone / BytesTotal.Value, 1) : null;

    /// <summary>A sentence for people: the health description, the log and the UI notice.</summary>
    public string Describe() => State switch
    {
        ModelState.Pending => $"The model {Model} is about to be fetched.",
        ModelState.Downloading when Percent is { } p => $"Downloading the model {Model}: {p:0.0}% ({BytesDone / 1_048_576} of {BytesTotal / 1_048_576} MiB).",
        ModelState.Downloading => $"Downloading the model {Model}: {BytesDone / 1_048_576} MiB so far.",
        ModelState.Verifying => $"Verifying the SHA-256 of the model {Model}.",
        ModelState.Loading => $"Loading the model {Model}.",
        ModelState.Ready => $"The model {Model} is ready.",
        _ => $"The model {Model} is unavailable: {Reason?.TrimEnd('.')}.",
    };
}

/// <summary>The current state of the embedded model, shared by the downloader, the health check, the router and the status endpoint.</summary>
public sealed class ModelStatus(string model) : IProgress<ModelStatusSnapshot>
{
    private ModelStatusSnapshot _current = new(ModelState.Pending, model, 0, null, null);

    public ModelStatusSnapshot Current => Volatile.Read(ref _current);

    public event Action<ModelStatusSnapshot>? Changed;

    public void Report(ModelStatusSnapshot value)
    {
        Volatile.Write(ref _current, value);
        Changed?.Invoke(value);
    }

    public void Set(ModelState state, string? reason = null) =>
        Report(Current with { State = state, Reason = reason });
}
