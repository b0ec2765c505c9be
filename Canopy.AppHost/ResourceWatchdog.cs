using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Canopy.AppHost;

/// <summary>
/// Restarts a service that exits on its own (a crash, an out-of-memory kill) with the built-in start command, after a backoff that
/// doubles from one second up to <see cref="MaxBackoff"/>; a service the user stops from the dashboard passes through
/// "Stopping" first and is left stopped. Run mode only: in a cluster the Deployment's restart policy and liveness probe do this.
/// </summary>
public static class ResourceWatchdog
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private static readonly string[] Stopped = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];

    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> resource) where T : IResource
    {
        if (!resource.ApplicationBuilder.ExecutionContext.IsRunMode) return resource;
        resource.WithAnnotation(new RestartOnCrashAnnotation());
        resource.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Watchdog>());
        return resource;
    }

    /// <summary>An exit nobody asked for: the service went from a live state straight to a stopped one (a stop passes through "Stopping").</summary>
    public static bool IsUnexpectedExit(string? previous, string? current) =>
        Stopped.Contains(current) && previous is not null && previous != KnownResourceStates.Stopping && !Stopped.Contains(previous)
        && previous != KnownResourceStates.NotStarted && previous != KnownResourceStates.Waiting;

    /// <summary>1 s, 2 s, 4 s, ... up to <see cref="MaxBackoff"/>, for the n-th restart in a row without the service becoming healthy.</summary>
    public static TimeSpan Backoff(int restartsInARow) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(restartsInARow - 1, 0)), MaxBackoff.TotalSeconds));

    internal sealed class RestartOnCrashAnnotation : IResourceAnnotation;

    internal sealed class Watchdog(ResourceNotificationService notifications, ResourceCommandService commands, ILogger<Watchdog> logger)
        : BackgroundService
    {
        private readonly ConcurrentDictionary<string, string?> _states = new();
        private readonly ConcurrentDictionary<string, int> _restartsInARow = new();
        private readonly ConcurrentDictionary<string, Task> _restarting = new();

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                await foreach (var update in notifications.WatchAsync(stoppingToken))
                {
                    if (!update.Resource.HasAnnotationOfType<RestartOnCrashAnnotation>()) continue;
                    var state = update.Snapshot.State?.Text;
                    var previous = _states.GetValueOrDefault(update.ResourceId);
                    _states[update.ResourceId] = state;
                    if (state == KnownResourceStates.Running && update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                        _restartsInARow.TryRemove(update.ResourceId, out _);
                    if (previous == state || !IsUnexpectedExit(previous, state) || _restarting.ContainsKey(update.ResourceId)) continue;
                    var attempt = _restartsInARow.AddOrUpdate(update.ResourceId, 1, (_, n) => n + 1);
                    _restarting[update.ResourceId] = RestartAsync(update.Resource.Name, update.ResourceId, update.Snapshot.ExitCode, attempt, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }

        private async Task RestartAsync(string name, string resourceId, int? exitCode, int attempt, CancellationToken stoppingToken)
        {
            try
            {
                var delay = Backoff(attempt);
                logger.LogWarning("{Resource} exited unexpectedly (exit code {ExitCode}); restart {Attempt} in {Delay} s",
                    name, exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", attempt, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                // Started by hand in the meantime: nothing to do.
                if (!Stopped.Contains(_states.GetValueOrDefault(resourceId))) return;
                var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
                if (result.Success) logger.LogInformation("{Resource} restarted after an unexpected exit", name);
                else logger.LogError("{Resource} could not be restarted: {Message}", name, result.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Resource} could not be restarted", name);
            }
            finally
            {
                _restarting.TryRemove(resourceId, out _);
            }
        }
    }
}
