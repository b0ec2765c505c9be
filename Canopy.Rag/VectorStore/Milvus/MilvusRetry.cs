using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>
/// Retries of Milvus calls: only reads (list, has, describe, load state, search, query) are retried, on transient
/// failures; a write is never sent twice behind the caller's back, since a lost answer does not mean a lost write.
/// </summary>
public static class MilvusRetry
{
    /// <summary>Set on a request that may be sent again.</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("canopy.milvus.retryable");

    private static readonly HashSet<string> ReadActions =
        ["collections/list", "collections/has", "collections/describe", "collections/get_load_state", "entities/search", "entities/query"];

    public static bool IsRead(string action) => ReadActions.Contains(action);

    public static HttpRetryStrategyOptions ForReads() => new()
    {
        MaxRetryAttempts = 2,
        Delay = TimeSpan.FromMilliseconds(200),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = args => ValueTask.FromResult(
            args.Context.GetRequestMessage()?.Options.TryGetValue(Retryable, out var retryable) == true && retryable
            && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
    };
}
