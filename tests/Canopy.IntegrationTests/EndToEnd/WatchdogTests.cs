using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Canopy.AppHost;
using Canopy.Contracts.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace Canopy.IntegrationTests.EndToEnd;

/// <summary>The AppHost's watchdog brings back a service killed with SIGKILL (a crash), and leaves alone one stopped on purpose.</summary>
[Collection(CanopyAppCollection.Name)]
public sealed class WatchdogTests(CanopyAppFixture app, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Canopy_rag_killed_with_sigkill_is_restarted_healthy_and_answers_search()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var notifications = app.App.ResourceNotifications;
        var before = await notifications.WaitForResourceHealthyAsync("canopy-rag", deadline.Token);
        var launcher = Pid(before) ?? throw new InvalidOperationException("canopy-rag has no pid in its snapshot.");
        var service = ServiceProcess(launcher, "Canopy.Rag");
        output.WriteLine($"canopy-rag: launcher pid {launcher}, service pid {service.Id}; killing the service with SIGKILL");
        service.Kill();
        try
        {
            var back = await notifications.WaitForResourceAsync("canopy-rag", e =>
                Pid(e) is { } pid && pid != launcher && pid != 0 &&
                e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy, deadline.Token);
            output.WriteLine($"canopy-rag is back as pid {Pid(back)}");

            using var rag = app.CreateClient("canopy-rag");
            using var response = await rag.PostAsJsonAsync("/api/search", new SearchRequest("Explain quantum entanglement", 5), deadline.Token);
            response.EnsureSuccessStatusCode();
            var found = await response.Content.ReadFromJsonAsync<SearchResponse>(deadline.Token);
            Assert.Contains(found!.Results, r => r.DocumentId == "lecture-notes-quantum-entanglement");
            await app.WaitForIngestionIdleAsync(Deadline);
        }
        finally
        {
            await LeaveHealthyAsync(notifications);
        }
    }

    // The AppHost is shared with the collection's other tests: whatever this test saw, they get a healthy canopy-rag.
    private async Task LeaveHealthyAsync(ResourceNotificationService notifications)
    {
        if (notifications.TryGetCurrentState("canopy-rag", out var state) && state.Snapshot.HealthStatus == HealthStatus.Healthy) return;
        output.WriteLine($"canopy-rag is {state?.Snapshot.State?.Text} and {state?.Snapshot.HealthStatus}; restarting it for the tests after this one");
        using var deadline = new CancellationTokenSource(Deadline);
        var commands = app.App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync("canopy-rag", KnownResourceCommands.RestartCommand, deadline.Token);
        output.WriteLine($"resource-restart canopy-rag: {(result.Success ? "done" : result.Message)}");
        await notifications.WaitForResourceHealthyAsync("canopy-rag", deadline.Token);
    }

    [Theory]
    [InlineData("Running", "Exited", true)]
    [InlineData("Running", "Finished", true)]
    [InlineData("Starting", "FailedToStart", true)]
    [InlineData("Starting", "Exited", true)]
    [InlineData("Stopping", "Finished", false)]
    [InlineData("Stopping", "Exited", false)]
    [InlineData("Exited", "Exited", false)]
    [InlineData(null, "FailedToStart", false)]
    [InlineData("Waiting", "FailedToStart", false)]
    [InlineData("Running", "Stopping", false)]
    [InlineData("Exited", "Starting", false)]
    public void Only_an_exit_nobody_asked_for_is_restarted(string? previous, string current, bool restart) =>
        Assert.Equal(restart, ResourceWatchdog.IsUnexpectedExit(previous, current));

    [Fact]
    public void The_backoff_doubles_up_to_its_bound() =>
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 7).Select(n => ResourceWatchdog.Backoff(n).TotalSeconds));

    private static int? Pid(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is int pid ? pid : null;

    /// <summary>
    /// The snapshot's pid is the process DCP started; for a project that is `dotnet run`, whose child is the service itself.
    /// Killing the service, not the launcher, is what a crash of the service looks like.
    /// </summary>
    private static Process ServiceProcess(int launcher, string name)
    {
        if (Process.GetProcessById(launcher).ProcessName == name) return Process.GetProcessById(launcher);
        foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            string fields;
            try { fields = File.ReadAllText(Path.Combine(stat, "stat")); }
            catch (IOException) { continue; }
            // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
            var rest = fields[(fields.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) != launcher) continue;
            var child = Process.GetProcessById(int.Parse(Path.GetFileName(stat), System.Globalization.CultureInfo.InvariantCulture));
            if (child.ProcessName == name) return child;
        }
        throw new InvalidOperationException($"No {name} process under pid {launcher}.");
    }
}
