using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.IntegrationTests.Reliability;

/// <summary>
/// The real AppHost (extractive, embedded index, no dashboard) whose services the fault tests kill, stop and restart.
/// Every test leaves the services running and healthy, as it found them.
/// </summary>
public sealed class FaultAppFixture : IAsyncLifetime
{
    public const string Rag = "canopy-rag";
    public const string Be = "canopy-be";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RestartTimeout = TimeSpan.FromMinutes(2);

    private readonly IsolatedData _data = new();

    public DistributedApplication App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Canopy_AppHost>(
            ["Canopy:VectorStore=embedded", "Canopy:Llm=extractive"],
            (options, _) => options.DisableDashboard = true);
        await _data.ApplyToAsync(builder);
        App = await builder.BuildAsync();
        SignIn = new AppHostSignIn(App);
        using var start = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(start.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(Be, start.Token);
        await WarmUpAsync();
    }

    /// <summary>Asks until one turn is answered: the faults are then applied to a warm service, as in use, not to one still compiling its first turn.</summary>
    public async Task WarmUpAsync()
    {
        using var be = Client(Be);
        var until = DateTime.UtcNow + RestartTimeout;
        var last = "";
        while (DateTime.UtcNow < until)
        {
            var events = await ChatStream.AskAsync(be, "Explain quantum entanglement", null, RestartTimeout);
            if (events[^1].Type == "done") return;
            last = events[^1].ToString();
            await Task.Delay(250);
        }
        throw new TimeoutException($"canopy-be did not answer within {RestartTimeout}: {last}");
    }

    public HttpClient Client(string resource) => SignIn.Client(resource, "instructor");

    public AppHostSignIn SignIn { get; private set; } = default!;

    /// <summary>The process id DCP reports for the resource (for a project, the `dotnet run` above the service).</summary>
    public int Pid(string resource)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resource, out var state)) throw new InvalidOperationException($"{resource} has no state.");
        var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
        return pid is null ? throw new InvalidOperationException($"{resource} reports no executable.pid.") : Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>SIGKILL to the whole process tree, then waits until DCP has seen the resource stop.</summary>
    public async Task<int> KillAsync(string resource)
    {
        var pid = Pid(resource);
        ProcessSignals.SignalTree(pid, ProcessSignals.SigKill);
        using var cts = new CancellationTokenSource(RestartTimeout);
        await App.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text != KnownResourceStates.Running || CurrentPid(e) != pid, cts.Token);
        return pid;
    }

    /// <summary>Starts a stopped resource with Aspire's own start command and waits until a new process is healthy.</summary>
    public async Task RestartAsync(string resource, int oldPid)
    {
        using var cts = new CancellationTokenSource(RestartTimeout);
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        if (App.ResourceNotifications.TryGetCurrentState(resource, out var state) && state.Snapshot.State?.Text != KnownResourceStates.Running)
        {
            var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cts.Token);
            Assert.True(result.Success, $"resource-start {resource}: {result.Message}");
        }
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.HealthStatus == HealthStatus.Healthy && CurrentPid(e) is { } pid && pid != oldPid, cts.Token);
    }

    private static int? CurrentPid(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultAppCollection : ICollectionFixture<FaultAppFixture>
{
    public const string Name = "Canopy AppHost under faults";
}
