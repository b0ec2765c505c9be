using System.Diagnostics;
using System.Text.RegularExpressions;
using Canopy.Contracts.Documents;

namespace Canopy.IntegrationTests.Ingestion;

/// <summary>The built canopy-rag (Canopy.Rag.dll) as a real child process on a free port, to be killed like a crashed service.</summary>
public sealed partial class RagProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RagProcess(IReadOnlyDictionary<string, string> settings)
    {
        var dll = FindRagDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("Canopy", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in LocalTokens.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in settings) start.Environment[key] = value;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"canopy-rag exited early:\n{Log}"));
    }

    public Uri BaseAddress { get; private set; } = default!;
    public HttpClient Client { get; private set; } = default!;
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();
    public string Log => string.Join('\n', Output.TakeLast(40));

    public static async Task<RagProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var rag = new RagProcess(settings);
        rag._process.Start();
        rag._process.BeginOutputReadLine();
        rag._process.BeginErrorReadLine();
        rag.BaseAddress = await rag._listening.Task.WaitAsync(timeout);
        rag.Client = new HttpClient { BaseAddress = rag.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        rag.Client.DefaultRequestHeaders.Authorization = new("Bearer", LocalTokens.For("instructor"));
        return rag;
    }

    /// <summary>Polls <c>/health</c> until the service is ready (its index open and its model loaded): listening comes before that.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var last = "no answer";
        try
        {
            while (true)
            {
                using (var health = await Client.GetAsync("/health", timeout.Token))
                {
                    if (health.IsSuccessStatusCode) return;
                    last = $"{(int)health.StatusCode} {await health.Content.ReadAsStringAsync(timeout.Token)}";
                }
                await Task.Delay(200, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"canopy-rag was not ready after {deadline}; last /health: {last}\n{Log}");
        }
    }

    public async Task<IReadOnlyList<DocumentInfo>> DocumentsAsync() =>
        (await Client.GetFromJsonAsync<List<DocumentInfo>>("/api/documents"))!;

    /// <summary>Uploads a file and returns the accepted document (the 202 must come).</summary>
    public async Task<DocumentInfo> UploadAsync(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsync("/api/documents", RagClient.Upload(content, fileName), cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DocumentInfo>(cancellationToken))!;
    }

    /// <summary>Polls one document until <paramref name="done"/> holds for it; the token is the deadline.</summary>
    public async Task<DocumentInfo> WaitForDocumentAsync(string id, Func<DocumentInfo, bool> done, CancellationToken deadline)
    {
        DocumentInfo? last = null;
        try
        {
            while (true)
            {
                using var response = await Client.GetAsync($"/api/documents/{id}", deadline);
                if (response.IsSuccessStatusCode && (last = await response.Content.ReadFromJsonAsync<DocumentInfo>(deadline)) is { } document && done(document))
                    return document;
                await Task.Delay(50, deadline);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"{id} did not reach the expected state before the deadline; last seen: {last}\n{Log}");
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client?.Dispose();
        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null) return;
        Output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match) _listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    /// <summary>Canopy.Rag.dll in its own project's output (its own appsettings), else the copy next to the tests.</summary>
    private static string FindRagDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Canopy.Rag", "bin", configuration, "net10.0", "Canopy.Rag.dll");
            if (File.Exists(candidate)) return candidate;
        }
        var local = Path.Combine(AppContext.BaseDirectory, "Canopy.Rag.dll");
        if (File.Exists(local) && File.Exists(Path.ChangeExtension(local, ".runtimeconfig.json"))) return local;
        throw new FileNotFoundException("Canopy.Rag.dll was not found; build the solution first.");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
