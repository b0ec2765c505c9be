using System.Collections.Concurrent;
using System.Diagnostics;

namespace Canopy.LoadTest;

/// <summary>
/// N workers, each asking one question after another for the duration (a closed loop). A shed turn waits its
/// Retry-After (at most 5 s) before the worker asks again, as a well-behaved client would.
/// </summary>
public static class LoadRun
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    public static async Task<LevelResult> RunAsync(LoadSettings settings, int concurrency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        { BaseAddress = settings.Target, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.AccessToken);
        var client = new ChatTurnClient(http, settings);

        if (settings.Warmup > TimeSpan.Zero)
            await DriveAsync(client, concurrency, settings.Warmup, new ConcurrentBag<TurnOutcome>(), cancellationToken);
        var outcomes = new ConcurrentBag<TurnOutcome>();
        var started = Stopwatch.GetTimestamp();
        await DriveAsync(client, concurrency, settings.Duration, outcomes, cancellationToken);
        return new LevelResult(concurrency, Stopwatch.GetElapsedTime(started), [.. outcomes]);
    }

    private static async Task DriveAsync(ChatTurnClient client, int concurrency, TimeSpan duration, ConcurrentBag<TurnOutcome> outcomes, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var turn = worker; Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested; turn += concurrency)
            {
                var outcome = await client.AskAsync(LoadSettings.Questions[turn % LoadSettings.Questions.Length], cancellationToken);
                outcomes.Add(outcome);
                if (outcome.Kind == TurnKind.Shed)
                {
                    var wait = outcome.RetryAfter is { } retry && retry < MaxBackoff ? retry : MaxBackoff;
                    var left = TimeSpan.FromSeconds((until - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
                    if (left > TimeSpan.Zero) await Task.Delay(wait < left ? wait : left, cancellationToken);
                }
            }
        }, cancellationToken)));
    }
}
