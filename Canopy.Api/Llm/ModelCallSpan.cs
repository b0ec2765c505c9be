using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm;

/// <summary>
/// Hands the model-call span (<c>chat &lt;model&gt;</c>) back to the generation that made the call, so that the answer's
/// evaluations can later be recorded on it. A generation watches; the client inside the span records.
/// </summary>
public sealed class ModelCallSpan
{
    private static readonly AsyncLocal<ModelCallSpan?> Watching = new();

    public ActivityContext? Context { get; private set; }

    /// <summary>Watches for model calls made by the rest of the calling method (the value flows down, never back up).</summary>
    public static ModelCallSpan Watch() => Watching.Value = new ModelCallSpan();

    /// <summary>Records <paramref name="activity"/> as the model-call span of the generation watching, if any.</summary>
    public static void Record(Activity? activity)
    {
        if (activity is not null && Watching.Value is { } watcher) watcher.Context = activity.Context;
    }
}

/// <summary>Placed inside Microsoft.Extensions.AI's OpenTelemetry client, where the current span is its model-call span.</summary>
public sealed class ModelCallSpanCapture(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ModelCallSpan.Record(Activity.Current);
        return base.GetResponseAsync(messages, options, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ModelCallSpan.Record(Activity.Current);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken)) yield return update;
    }
}
