using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Canopy.ScaleBenchmark;

/// <summary>One of Canopy's services run from its build output (built with this benchmark, same configuration) on a loopback port.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private ServiceProcess(Process process, string log, Uri address) => (_process, _log, Address) = (process, log, address);

    public Uri Address { get; }

    /// <summary>Starts the service; with <paramref name="cpu"/>, bound to that one CPU (Linux <c>taskset</c>), as a pod limited to one core.</summary>
    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string> environment, int? cpu = null)
    {
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var output = Path.Combine(RepositoryRoot(), project, "bin", configuration, "net10.0");
        var assembly = Path.Combine(output, project + ".dll");
        if (!File.Exists(assembly)) throw new FileNotFoundException($"{assembly} is missing: build the benchmark (it builds {project}) in {configuration}.");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(cpu is null ? "dotnet" : "taskset") { WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true };
        if (cpu is { } core)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(core.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var log = Path.Combine(Path.GetTempPath(), $"canopy-bench-{project}-{Environment.ProcessId}.log");
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, log, address);
    }

    /// <summary>Waits until <c>/health</c> answers 200, or fails with the service's log when it exits or the deadline passes.</summary>
    public async Task WaitHealthyAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new InvalidOperationException($"{Address} did not become healthy; its log ({_log}) ends:\n{string.Join('\n', File.ReadLines(_log).TakeLast(30))}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Canopy.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException("The repository (Canopy.sln) is not above the benchmark's folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
